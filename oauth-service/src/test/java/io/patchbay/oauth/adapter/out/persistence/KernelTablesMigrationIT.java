package io.patchbay.oauth.adapter.out.persistence;

import io.patchbay.test.KernelTablesMigrationContract;

/** A database made by the V1 that still held the kernel's inbox tables migrates (test-support's contract). */
class KernelTablesMigrationIT extends KernelTablesMigrationContract {
    @Override
    protected String role() {
        return "inbox";
    }

    @Override
    protected String kernelVersion() {
        return "0.2";
    }

    @Override
    protected String kernelTable() {
        return "inbox_event";
    }
}
