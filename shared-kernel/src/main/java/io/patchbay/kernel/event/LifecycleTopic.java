package io.patchbay.kernel.event;

/** The lifecycle topic, its dead-letter topic and the CloudEvents 1.0 binary-mode header names (Kafka binding). */
public final class LifecycleTopic {
    public static final String NAME = "patchbay.integration-configuration.lifecycle.v1";
    public static final String DEAD_LETTER = NAME + ".dlt";
    public static final String SOURCE = "/config-service";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPECVERSION = "1.0";
    public static final String JSON = "application/json";

    /** Headers a consumer adds to a record it sends to the dead-letter topic. */
    public static final String DLT_ERROR = "patchbay_dlt_error";
    public static final String DLT_EXCEPTION = "patchbay_dlt_exception";
    public static final String DLT_ORIGINAL_TOPIC = "patchbay_dlt_topic";
    public static final String DLT_ORIGINAL_PARTITION = "patchbay_dlt_partition";
    public static final String DLT_ORIGINAL_OFFSET = "patchbay_dlt_offset";
    public static final String DLT_CONSUMER_GROUP = "patchbay_dlt_group";

    private LifecycleTopic() {
    }
}
