package io.patchbay.config.application.port.in;

import java.util.Map;

/** What the delivery worker asks: which targets have work, and to deliver the next few deliveries of one target. */
public interface DeliverWebhooksUseCase {
    /** Targets with due deliveries and about how many. */
    Map<String, Integer> dueTargets(int limit);

    /** Claims up to {@code max} due deliveries of {@code targetId}, sends each and records the outcome; how many were claimed. */
    int deliverNext(String targetId, int max);
}
