package io.patchbay.config.application.port.in;

import io.patchbay.config.domain.Delivery;

import java.util.List;
import java.util.Optional;

/** A page of a webhook's deliveries, newest first; {@code next} is where the next page starts when more remain. */
public record DeliveryLog(List<Delivery> items, Optional<Long> next) {
}
