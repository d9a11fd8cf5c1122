package io.patchbay.config.adapter.out.persistence;

import io.patchbay.test.KernelTablesMigrationContract;

/** A database made by the V1 that still held the kernel's outbox tables migrates (test-support's contract). */
class KernelTablesMigrationIT extends KernelTablesMigrationContract {
    @Override
    protected String role() {
        return "outbox";
    }

    @Override
    protected String kernelVersion() {
        return "0.1";
    }

    @Override
    protected String kernelTable() {
        return "outbox_event";
    }
}
