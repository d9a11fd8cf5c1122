package io.patchbay.kernel.infra;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.patchbay.kernel.error.ErrorKind;
import io.patchbay.kernel.error.ProblemException;
import io.patchbay.kernel.infra.json.JsonTrees;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain JSON trees to Micronaut nodes and text and back: key order and nulls kept. */
class JsonTreesTest {
    private static final JsonMapper MAPPER = JsonMapper.createDefault();

    @Test
    void aTreeSurvivesTheRoundTripWithItsKeyOrderAndNulls() throws IOException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", "last-first");
        tree.put("a", null);
        tree.put("nested", new LinkedHashMap<>(Map.of("n", 1)));
        tree.put("list", Arrays.asList(1L, "two", true, null, new BigDecimal("3.5")));

        String text = new String(JsonTrees.write(MAPPER, tree), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("{\"z\":\"last-first\",\"a\":null,\"nested\":{\"n\":1},\"list\":[1,\"two\",true,null,3.5]}");
        Map<String, Object> back = JsonTrees.readObject(MAPPER, text);
        assertThat(back.keySet()).containsExactly("z", "a", "nested", "list");
        assertThat(back).containsEntry("a", null);
        assertThat(new String(JsonTrees.write(MAPPER, back), StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void nodesAreTakenAsTheyAreAndCollectionsBecomeArrays() {
        JsonNode given = JsonNode.createStringNode("as-is");
        JsonNode node = JsonTrees.node(Map.of("kept", given, "set", Set.of("only")));
        assertThat(node.get("kept")).isSameAs(given);
        assertThat(node.get("set").isArray()).isTrue();
        assertThat(JsonTrees.tree(node.get("set"))).isEqualTo(List.of("only"));
    }

    @Test
    void aNumberBeyondDoubleRangeIsRefusedNotTurnedIntoText() throws IOException {
        JsonNode huge = MAPPER.readValue("{\"max\":1e400}", JsonNode.class);
        assertThatThrownBy(() -> JsonTrees.tree(huge)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo(ErrorKind.VALIDATION_FAILED));
    }

    @Test
    void textThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> JsonTrees.readObject(MAPPER, "[1,2]")).isInstanceOf(IOException.class);
    }
}
