package io.patchbay.oauth.adapter.out.templates;

import io.micronaut.json.JsonMapper;
import io.patchbay.oauth.domain.AuthType;
import io.patchbay.oauth.domain.Template;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped templates load, and a file's words are the published names: an auth_type option out of step is refused. */
class ClasspathTemplateCatalogTest {
    @Test
    void theShippedTemplatesLoadAndTheAuthTypeOptionChoosesByItsValue() {
        Map<String, Template> templates = ClasspathTemplateCatalog.load(JsonMapper.createDefault());
        assertThat(templates).containsKeys("github", "custom", "databricks", "msgraph");
        Template custom = templates.get("custom");
        assertThat(custom.authTypes()).containsExactly(AuthType.VIEWER, AuthType.SERVICE_ACCOUNT);
        assertThat(custom.authTypeFor(Map.of("auth_type", "Service Account"))).isEqualTo(AuthType.SERVICE_ACCOUNT);
        assertThat(custom.authTypeFor(Map.of("auth_type", "Viewer"))).isEqualTo(AuthType.VIEWER);
        assertThat(custom.authTypeFor(Map.of())).isEqualTo(AuthType.VIEWER);
        assertThat(templates.get("github").authTypeFor(Map.of("auth_type", "Service Account"))).isEqualTo(AuthType.VIEWER);
    }

    @Test
    void aFileWhoseAuthTypeOptionIsOutOfStepWithItsAuthTypesOrUsesAnUnknownWordIsRefused() {
        assertThatThrownBy(() -> ClasspathTemplateCatalog.toTemplate(file(List.of("Viewer", "Service Account"), "select",
                List.of("Service Account", "Viewer"))))
                .hasMessageContaining("the auth_type option must offer exactly [Viewer, Service Account]");
        assertThatThrownBy(() -> ClasspathTemplateCatalog.toTemplate(file(List.of("Viewer", "Robot"), "select", List.of("Viewer", "Robot"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("auth_types holds 'Robot'");
        assertThatThrownBy(() -> ClasspathTemplateCatalog.toTemplate(file(List.of("Viewer", "Service Account"), "SELECT",
                List.of("Viewer", "Service Account"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("options[].type holds 'SELECT'");
        assertThat(ClasspathTemplateCatalog.toTemplate(file(List.of("Viewer", "Service Account"), "select",
                List.of("Viewer", "Service Account"))).authTypes()).hasSize(2);
    }

    private static TemplateFile file(List<String> authTypes, String optionType, List<String> optionValues) {
        return new TemplateFile("t", "T", null, authTypes,
                List.of(new TemplateFile.Option("auth_type", null, optionType, optionValues, optionValues.getFirst())),
                List.of(new TemplateFile.Field("client_id", null, null, true, false, null, null, false, null)),
                Map.of("authorization_endpoint", "https://idp/authorize", "token_endpoint", "https://idp/token"), null);
    }
}
