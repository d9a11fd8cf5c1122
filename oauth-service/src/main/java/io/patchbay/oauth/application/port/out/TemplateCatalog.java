package io.patchbay.oauth.application.port.out;

import io.patchbay.oauth.domain.Template;

import java.util.List;
import java.util.Optional;

/** The shipped templates. */
public interface TemplateCatalog {
    List<Template> all();

    Optional<Template> find(String key);
}
