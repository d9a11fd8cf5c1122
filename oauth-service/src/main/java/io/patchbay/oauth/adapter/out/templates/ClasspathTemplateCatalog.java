package io.patchbay.oauth.adapter.out.templates;

import io.micronaut.json.JsonMapper;
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
import java.util.Locale;
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

    static Template toTemplate(TemplateFile f) {
        List<AuthType> authTypes = f.authTypes().stream()
                .map(t -> AuthType.fromWire(t).orElseThrow(() -> new IllegalArgumentException("unknown auth type " + t))).toList();
        List<TemplateOption> options = new ArrayList<>();
        for (TemplateFile.Option o : f.options() == null ? List.<TemplateFile.Option>of() : f.options()) {
            options.add(new TemplateOption(o.name(), o.label(), TemplateOption.Type.valueOf(o.type().toUpperCase(Locale.ROOT)),
                    o.values() == null ? List.of() : o.values(), o.defaultValue()));
        }
        List<TemplateField> fields = f.fields().stream().map(x -> new TemplateField(x.name(), x.label(), x.description(), Boolean.TRUE.equals(x.required()),
                Boolean.TRUE.equals(x.secret()), x.validation(), x.validationDescription(), Boolean.TRUE.equals(x.multiline()),
                x.visibilityExpression())).toList();
        List<TemplateRule> rules = (f.rules() == null ? List.<TemplateFile.Rule>of() : f.rules()).stream()
                .map(r -> new TemplateRule(TemplateRule.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT)), r.field(), r.value(), r.when(),
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
