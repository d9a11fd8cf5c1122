package io.patchbay.oauth.adapter.out.templates;

import io.micronaut.json.JsonMapper;
import io.patchbay.oauth.application.PublishedNames;
import io.patchbay.oauth.application.port.out.TemplateCatalog;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.Template;
import io.patchbay.oauth.domain.TemplateField;
import io.patchbay.oauth.domain.TemplateOption;
import io.patchbay.oauth.domain.TemplateRule;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The templates shipped in {@code templates/} on the classpath: {@code index.txt} lists the keys, one file {@code <key>.json}
 * each. Loaded and checked once at start-up: a broken template stops the service rather than answering wrongly later.
 */
@Singleton
public class ClasspathTemplateCatalog implements TemplateCatalog {
    static final String DIRECTORY = "templates/";

    private final Map<String, Template> templates;

    ClasspathTemplateCatalog(JsonMapper json) {
        this.templates = load(json);
    }

    @Override
    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    @Override
    public Optional<Template> find(String key) {
        return Optional.ofNullable(templates.get(key));
    }

    static Map<String, Template> load(JsonMapper json) {
        Map<String, Template> out = new LinkedHashMap<>();
        for (String line : read(DIRECTORY + "index.txt").split("\n")) {
            String key = line.trim();
            if (key.isEmpty() || key.startsWith("#")) {
                continue;
            }
            try {
                TemplateFile file = json.readValue(read(DIRECTORY + key + ".json").getBytes(StandardCharsets.UTF_8), TemplateFile.class);
                Template template = toTemplate(file);
                if (!template.id().equals(key)) {
                    throw new IllegalStateException("file " + key + ".json declares id " + template.id());
                }
                out.put(key, template);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("OAuth template " + key + " is invalid: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The file as a template. Its words for auth types, option types and rule kinds are the service's published names; a
     * template offering several auth types chooses among them with an {@code auth_type} option whose values are those
     * names, in the same order (the value an integration's config holds is the auth type's name, as Posit clients send it).
     */
    static Template toTemplate(TemplateFile f) {
        List<AuthType> authTypes = f.authTypes().stream()
                .map(t -> PublishedNames.NAMES.fromStored(AuthType.class, t, "auth_types")).toList();
        List<TemplateOption> options = new ArrayList<>();
        for (TemplateFile.Option o : f.options() == null ? List.<TemplateFile.Option>of() : f.options()) {
            options.add(new TemplateOption(o.name(), o.label(), PublishedNames.NAMES.fromStored(TemplateOption.Type.class, o.type(), "options[].type"),
                    o.values() == null ? List.of() : o.values(), o.defaultValue()));
        }
        List<String> authTypeNames = authTypes.stream().map(PublishedNames.NAMES::name).toList();
        for (TemplateOption o : options) {
            if (o.name().equals(Template.AUTH_TYPE_OPTION) && !o.values().equals(authTypeNames)) {
                throw new IllegalArgumentException("the auth_type option must offer exactly " + authTypeNames + ", offers " + o.values());
            }
        }
        List<TemplateField> fields = f.fields().stream().map(x -> new TemplateField(x.name(), x.label(), x.description(), Boolean.TRUE.equals(x.required()),
                Boolean.TRUE.equals(x.secret()), x.validation(), x.validationDescription(), Boolean.TRUE.equals(x.multiline()),
                x.visibilityExpression())).toList();
        List<TemplateRule> rules = (f.rules() == null ? List.<TemplateFile.Rule>of() : f.rules()).stream()
                .map(r -> new TemplateRule(PublishedNames.NAMES.fromStored(TemplateRule.Kind.class, r.kind(), "rules[].kind"), r.field(), r.value(), r.when(),
                        r.expression(), r.message())).toList();
        return new Template(f.id(), f.name(), f.description(), authTypes, options, fields, f.endpoints(), rules);
    }

    private static String read(String path) {
        try (InputStream in = ClasspathTemplateCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
