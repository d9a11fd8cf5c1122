package io.patchbay.test;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A seeded generator of bad input for every operation of a service's generated OpenAPI document: per operation a fixed
 * number of requests, each one the operation's example (given by the test, or built from the schema) with one thing
 * wrong — a field of the wrong type, text PostgreSQL cannot store (appended to a valid value, so that it gets past the
 * other checks), edge numbers, unknown and missing fields, malformed or
 * oversized JSON, a wrong content type, bad path ids, query parameters and headers, no/garbage/another tenant's token —
 * and some sent as they are. Every answer is checked: never a 5xx, never a hang, and every 4xx is an RFC 9457
 * problem+json whose {@code status} matches, with a {@code code}, and without Java internals.
 * <pre>{@code
 * BadInputFuzzer.Report report = BadInputFuzzer.forService(server.getURI(), "/openapi/config-service.yml")
 *         .seed(12).requestsPerOperation(40).tenant(ownerToken).otherTenant(strangerToken).admin(adminToken)
 *         .pathValues("id", configurationId).example("POST /v1/integrations/configurations", "{\"integrationIdOrSlug\":\"acme\"}")
 *         .run();
 * report.assertClean();
 * }</pre>
 */
public final class BadInputFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every non-ASCII character as a {@code \\uXXXX} escape, so lone surrogates and NULs reach the server as JSON escapes. */
    private static final ObjectWriter ASCII = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    /** A number token written into the JSON text as it is (JSON cannot hold some of them as numbers of a tree). */
    private static final String RAW = "\u0001raw:";

    /** Text a careless client or an attacker sends in string fields, path ids, query parameters. */
    static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00y", "\ud83d", "\ud83d\ude00 emoji",
            "\u202eright-to-left", "\u00e9\u0301 combining", "%00", "%", "%zz", "../../etc/passwd", "..", "/", "\\", "'", "\"",
            "' OR '1'='1", "'; DROP TABLE x; --", "${jndi:ldap://127.0.0.1/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
            "null", "undefined", "NaN", "-1", "0", "1e400", "99999999999999999999999999", "true", "[]", "{}", "\n\r\t",
            "team_", "team_" + "x".repeat(300), "icfg_000000000000000000000000", "int_0000", "00000000-0000-0000-0000-000000000000",
            "A".repeat(10_000), "\u00e4".repeat(3_000), "line\nbreak", "\u0007bell", "\ufeffbom", "\uffff", "a".repeat(256));
    /** ASCII-only values for headers (the HTTP client refuses the rest). */
    static final List<String> NASTY_HEADERS = List.of("", " ", "%00", "../..", "team_", "team_" + "x".repeat(300), "' OR 1=1 --",
            "\"quoted\"", "W/\"1\"", "*", "-1", "99999999999999999999", "x".repeat(4000), "null", "team_a,team_b", "<>");
    static final List<String> RAW_NUMBERS = List.of("1e400", "-1e400", "123456789012345678901234567890", "-0", "0.0000000001",
            "1.7976931348623157E309", "-9223372036854775809", "9223372036854775808", "1E-400", "0", "-1", "2147483648");
    static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "{\"a\" 1}", "{\"a\":1,}", "[]", "null", "\"text\"", "42",
            "true", "{\"a\":1}}", "{'a':1}", "{\"a\":1,\"a\":2}", "\ufeff{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":tru}",
            " ", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":\"unterminated}");

    public enum Mutation {
        AS_GIVEN, FIELD_TYPE, FIELD_TEXT, UNSTORABLE_TEXT, FIELD_NUMBER, UNKNOWN_FIELD, MISSING_FIELD, NULL_FIELD, MALFORMED_JSON, DEEP_JSON, BIG_JSON,
        BAD_BYTES, NO_BODY, WRONG_CONTENT_TYPE, PATH_VALUE, QUERY_VALUE, UNKNOWN_QUERY, HEADER_VALUE, NO_TOKEN, GARBAGE_TOKEN,
        OTHER_TENANT, ADMIN
    }

    public record Operation(String method, String path, List<Parameter> parameters, String mediaType, JsonNode bodySchema) {
        String key() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    public record Parameter(String name, String in, JsonNode schema) {
    }

    /** One answer that breaks the rules. */
    public record Finding(String request, int status, String problem, String body) {
        @Override
        public String toString() {
            return request + " -> " + status + ": " + problem + " | " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    public record Report(String service, int operations, int requests, Map<Integer, Integer> statuses, Map<Mutation, Integer> mutations,
                         List<Finding> findings) {
        /** Fails the test with every finding when there is one. */
        public void assertClean() {
            if (!findings.isEmpty()) {
                StringBuilder s = new StringBuilder(findings.size() + " of " + requests + " generated requests to " + service
                        + " broke the rules:\n");
                findings.stream().limit(50).forEach(f -> s.append("  ").append(f).append('\n'));
                throw new AssertionError(s.toString());
            }
        }

        public String summary() {
            return String.format("BENCHMARK bad-input-fuzz service=%s operations=%d requests=%d statuses=%s findings=%d",
                    service, operations, requests, statuses, findings.size());
        }
    }

    private final URI base;
    private final String openApiPath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private long seed = 1;
    private int perOperation = 40;
    private Duration timeout = Duration.ofSeconds(30);
    private String tenant;
    private String otherTenant;
    private String admin;
    private String tokenScheme = "Bearer";
    private final Map<String, List<String>> pathValues = new LinkedHashMap<>();
    private final Map<String, String> examples = new LinkedHashMap<>();
    private Predicate<Operation> include = op -> true;
    private Consumer<String> observer = response -> { };

    private BadInputFuzzer(URI base, String openApiPath) {
        this.base = base;
        this.openApiPath = openApiPath;
    }

    /** The service at {@code base}, whose generated OpenAPI document it serves at {@code openApiPath}. */
    public static BadInputFuzzer forService(URI base, String openApiPath) {
        return new BadInputFuzzer(base, openApiPath);
    }

    public BadInputFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public BadInputFuzzer requestsPerOperation(int n) {
        this.perOperation = n;
        return this;
    }

    /** The token most requests are sent with: a tenant who may use the operations. */
    public BadInputFuzzer tenant(String token) {
        this.tenant = token;
        return this;
    }

    /** A tenant of another team. */
    public BadInputFuzzer otherTenant(String token) {
        this.otherTenant = token;
        return this;
    }

    public BadInputFuzzer admin(String token) {
        this.admin = token;
        return this;
    }

    /** {@code Bearer} (default) or e.g. {@code Key}. */
    public BadInputFuzzer tokenScheme(String scheme) {
        this.tokenScheme = scheme;
        return this;
    }

    /** Values of a path parameter that name existing resources; most requests use one of them. */
    public BadInputFuzzer pathValues(String parameter, String... values) {
        return pathValuesUnder("", parameter, values);
    }

    /**
     * Values of a path parameter in the operations whose path starts with {@code pathPrefix} (when several resources
     * call their id {@code id}); the longest matching prefix wins.
     */
    public BadInputFuzzer pathValuesUnder(String pathPrefix, String parameter, String... values) {
        pathValues.computeIfAbsent(pathPrefix + "|" + parameter, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    private List<String> knownValues(String path, String parameter) {
        List<String> best = List.of();
        int bestLength = -1;
        for (Map.Entry<String, List<String>> e : pathValues.entrySet()) {
            int bar = e.getKey().lastIndexOf('|');
            String prefix = e.getKey().substring(0, bar);
            if (e.getKey().substring(bar + 1).equals(parameter) && path.startsWith(prefix) && prefix.length() > bestLength) {
                best = e.getValue();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    /** A valid body for {@code "METHOD /path/{template}"}; the mutations start from it. */
    public BadInputFuzzer example(String operation, String body) {
        examples.put(operation, body);
        return this;
    }

    public BadInputFuzzer only(Predicate<Operation> include) {
        this.include = include;
        return this;
    }

    /** Gets every answer as text (status, request, headers, body), e.g. for a scan for leaked secrets. */
    public BadInputFuzzer observe(Consumer<String> observer) {
        this.observer = observer;
        return this;
    }

    public BadInputFuzzer timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** The operations of the document, deletes last (so that the resources named by {@link #pathValues} live long). */
    public List<Operation> operations() {
        JsonNode document = document();
        List<Operation> out = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                    resolve(document, p.path("schema")))));
            Iterator<Map.Entry<String, JsonNode>> content = op.getValue().path("requestBody").path("content").properties().iterator();
            String mediaType = null;
            JsonNode schema = NODES.objectNode();
            if (content.hasNext()) {
                Map.Entry<String, JsonNode> first = content.next();
                mediaType = first.getKey();
                schema = resolve(document, first.getValue().path("schema"));
            }
            out.add(new Operation(op.getKey(), path.getKey(), parameters, mediaType, schema));
        }));
        out.sort(Comparator.comparing((Operation o) -> o.method().equals("delete")).thenComparing(Operation::key));
        return out.stream().filter(include).toList();
    }

    public Report run() {
        if (tenant == null) {
            throw new IllegalStateException("a tenant token is needed");
        }
        Random random = new Random(seed);
        List<Operation> operations = operations();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<Mutation, Integer> mutations = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        int requests = 0;
        Mutation[] all = Mutation.values();
        for (Operation op : operations) {
            for (int i = 0; i < perOperation; i++) {
                // every mutation once per operation in turn, the rest at random; a third of those put text PostgreSQL
                // cannot store into one field after another, the rest of the example left valid so the text gets far
                Mutation mutation = i < all.length ? all[i]
                        : random.nextInt(3) == 0 ? Mutation.UNSTORABLE_TEXT : all[random.nextInt(all.length)];
                if (i == 0) {
                    unstorableTurn = 0;
                }
                Built request = build(op, mutation, random);
                mutations.merge(mutation, 1, Integer::sum);
                requests++;
                Finding finding = send(request, statuses);
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        return new Report(openApiPath, operations.size(), requests, statuses, mutations, findings);
    }

    // ----------------------------------------------------------------------------------------------------------------

    private record Built(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String description) {
    }

    private Built build(Operation op, Mutation mutation, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = switch (mutation) {
            case NO_TOKEN -> null;
            case GARBAGE_TOKEN -> pick(random, List.of("garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", tenant + "x",
                    tenant.substring(0, tenant.length() / 2)));
            case OTHER_TENANT -> otherTenant != null ? otherTenant : tenant;
            case ADMIN -> admin != null ? admin : tenant;
            default -> tenant;
        };
        if (token != null) {
            headers.put("Authorization", tokenScheme + " " + token);
        }
        String path = op.path();
        List<Parameter> pathParams = op.parameters().stream().filter(p -> p.in().equals("path")).toList();
        Parameter badPath = mutation == Mutation.PATH_VALUE && !pathParams.isEmpty() ? pick(random, pathParams) : null;
        for (Parameter p : pathParams) {
            String value;
            if (p == badPath) {
                value = random.nextInt(4) == 0 ? pick(random, List.of("%00", "%2e%2e", "%2F", "%25", "%C0%AE", "%ED%A0%80", "%FF", "a%20b"))
                        : encode(pick(random, NASTY));
            } else {
                List<String> known = knownValues(op.path(), p.name());
                value = encode(!known.isEmpty() && random.nextInt(5) != 0 ? pick(random, known) : goodText(p.schema(), random));
            }
            path = path.replace("{" + p.name() + "}", value.isEmpty() ? "%20" : value);
        }
        List<String> query = new ArrayList<>();
        List<Parameter> queryParams = op.parameters().stream().filter(p -> p.in().equals("query")).toList();
        Parameter badQuery = mutation == Mutation.QUERY_VALUE && !queryParams.isEmpty() ? pick(random, queryParams) : null;
        for (Parameter p : queryParams) {
            if (p == badQuery) {
                query.add(encode(p.name()) + "=" + encode(badScalar(p.schema(), random)));
            } else if (random.nextInt(3) == 0) {
                query.add(encode(p.name()) + "=" + encode(goodText(p.schema(), random)));
            }
        }
        if (mutation == Mutation.UNSTORABLE_TEXT && op.mediaType() == null && !queryParams.isEmpty()) {
            Parameter p = pick(random, queryParams);
            query.add(encode(p.name()) + "=" + encode(goodText(p.schema(), random) + pick(random, List.of("\u0000", "\ud800"))));
        }
        if (mutation == Mutation.UNKNOWN_QUERY || mutation == Mutation.QUERY_VALUE && badQuery == null) {
            query.add(encode(pick(random, List.of("unknown", "limit", "cursor", "page_token", "offset", "x\u0000"))) + "="
                    + encode(pick(random, NASTY)));
        }
        for (Parameter p : op.parameters()) {
            if (p.in().equals("header") && mutation == Mutation.HEADER_VALUE) {
                headers.put(p.name(), pick(random, NASTY_HEADERS));
            }
        }
        if (mutation == Mutation.HEADER_VALUE && op.parameters().stream().noneMatch(p -> p.in().equals("header"))) {
            headers.put(pick(random, List.of("X-Team-Id", "If-Match", "Accept", "X-Request-Id")), pick(random, NASTY_HEADERS));
        }

        byte[] body = null;
        String description = mutation.name();
        String mediaType = op.mediaType();
        boolean form = mediaType != null && mediaType.contains("x-www-form-urlencoded");
        if (mediaType != null && mutation != Mutation.NO_BODY) {
            headers.put("Content-Type", mediaType);
            if (form) {
                body = formBody(op, mutation, random).getBytes(StandardCharsets.UTF_8);
            } else {
                body = jsonBody(op, mutation, random);
            }
            if (mutation == Mutation.WRONG_CONTENT_TYPE) {
                headers.put("Content-Type", pick(random, List.of("text/plain", "application/xml", "application/octet-stream",
                        "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/x-www-form-urlencoded",
                        "application/json")));
                if (random.nextBoolean()) {
                    headers.remove("Content-Type");
                }
            }
        } else if (mediaType == null && (mutation == Mutation.MALFORMED_JSON || mutation == Mutation.FIELD_TEXT || mutation == Mutation.BIG_JSON)) {
            // an operation without a body that gets one anyway
            headers.put("Content-Type", "application/json");
            body = jsonBody(op, mutation, random);
        }
        String pathAndQuery = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        return new Built(op.method().toUpperCase(Locale.ROOT), pathAndQuery, headers, body, description);
    }

    private String formBody(Operation op, Mutation mutation, Random random) {
        String example = examples.getOrDefault(op.key(), "");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : example.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                fields.put(pair.substring(0, eq < 0 ? pair.length() : eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        List<String> names = new ArrayList<>(fields.keySet());
        switch (mutation) {
            case FIELD_TEXT, FIELD_TYPE, FIELD_NUMBER, NULL_FIELD -> {
                if (!names.isEmpty()) {
                    fields.put(pick(random, names), encode(pick(random, NASTY)));
                }
            }
            case UNSTORABLE_TEXT -> {
                if (!names.isEmpty()) {
                    String name = pick(random, names);
                    fields.put(name, fields.get(name) + "%00");
                }
            }
            case UNKNOWN_FIELD -> fields.put(encode(pick(random, NASTY)) + "x", "1");
            case MISSING_FIELD -> {
                if (!names.isEmpty()) {
                    fields.remove(pick(random, names));
                }
            }
            case MALFORMED_JSON, BAD_BYTES -> {
                return pick(random, List.of("%", "a=%zz", "&&&", "=", "a=1&a=2", "%00=%00", "a=%ED%A0%80"));
            }
            case BIG_JSON, DEEP_JSON -> fields.put("padding", "x".repeat(random.nextBoolean() ? 2_000_000 : 100_000));
            default -> {
            }
        }
        StringBuilder s = new StringBuilder();
        fields.forEach((k, v) -> s.append(s.isEmpty() ? "" : "&").append(k).append('=').append(v));
        return s.toString();
    }

    private byte[] jsonBody(Operation op, Mutation mutation, Random random) {
        JsonNode example = exampleOf(op, random);
        switch (mutation) {
            case MALFORMED_JSON -> {
                return pick(random, MALFORMED).getBytes(StandardCharsets.UTF_8);
            }
            case DEEP_JSON -> {
                int depth = pick(random, List.of(200, 1_500, 20_000));
                return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            }
            case BIG_JSON -> {
                ObjectNode big = example.isObject() ? ((ObjectNode) example).deepCopy() : NODES.objectNode();
                big.put(fieldNames(big).isEmpty() ? "padding" : pick(random, fieldNames(big)), "x".repeat(random.nextBoolean() ? 1_100_000 : 300_000));
                return write(big);
            }
            case BAD_BYTES -> {
                byte[] text = write(example);
                byte[] out = java.util.Arrays.copyOf(text, text.length + 2);
                int at = Math.max(1, text.length / 2);
                System.arraycopy(text, at, out, at + 2, text.length - at);
                out[at] = (byte) 0xC3;
                out[at + 1] = (byte) (int) pick(random, List.of(0x28, 0xFF, 0x00, 0xA9));
                return out;
            }
            default -> {
            }
        }
        List<String> paths = leafPaths(example, "");
        switch (mutation) {
            case UNSTORABLE_TEXT -> {
                // the string fields in turn, each with a lone high surrogate, a lone low one, a cut pair, then a NUL
                List<String> texts = paths.stream().filter(p -> example.at(p).isTextual()).toList();
                int turn = unstorableTurn++;
                if (texts.isEmpty()) {
                    replaceAt(example, paths, random, NODES.textNode("x" + UNSTORABLE_TAILS.get(turn % UNSTORABLE_TAILS.size())));
                } else {
                    String at = texts.get(turn % texts.size());
                    String tail = UNSTORABLE_TAILS.get(turn / texts.size() % UNSTORABLE_TAILS.size());
                    replaceAt(example, List.of(at), random, NODES.textNode(example.at(at).asText() + tail));
                }
            }
            case FIELD_TYPE -> replaceAt(example, paths, random, wrongType(random));
            case FIELD_TEXT -> replaceAt(example, paths, random, NODES.textNode(pick(random, NASTY)));
            case FIELD_NUMBER -> replaceAt(example, paths, random, NODES.textNode(RAW + pick(random, RAW_NUMBERS)));
            case NULL_FIELD -> replaceAt(example, paths, random, NODES.nullNode());
            case UNKNOWN_FIELD -> {
                if (example.isObject()) {
                    ((ObjectNode) example).set(pick(random, List.of("unknown", "id", "team_id", "created_at", "__proto__", "", "a\u0000",
                            "\ud800")), wrongType(random));
                }
            }
            case MISSING_FIELD -> {
                if (example.isObject() && !fieldNames(example).isEmpty()) {
                    ((ObjectNode) example).remove(pick(random, fieldNames(example)));
                }
            }
            default -> {
            }
        }
        return write(example);
    }

    private JsonNode exampleOf(Operation op, Random random) {
        String given = examples.get(op.key());
        if (given != null) {
            try {
                return JSON.readTree(given);
            } catch (IOException e) {
                throw new IllegalArgumentException("the example of " + op.key() + " is not JSON: " + given, e);
            }
        }
        return instanceOf(op.bodySchema(), random, 0);
    }

    private static JsonNode instanceOf(JsonNode schema, Random random, int depth) {
        String type = schema.path("type").asText("object");
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).deepCopy();
        }
        return switch (type) {
            case "string" -> NODES.textNode("fuzz-" + random.nextInt(1000));
            case "integer" -> NODES.numberNode(random.nextInt(10));
            case "number" -> NODES.numberNode(random.nextDouble());
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(instanceOf(schema.path("items"), random, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    schema.path("properties").properties().forEach(p -> o.set(p.getKey(), instanceOf(p.getValue(), random, depth + 1)));
                }
                yield o;
            }
        };
    }

    private static JsonNode wrongType(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextInt());
            case 1 -> NODES.booleanNode(true);
            case 2 -> NODES.arrayNode().add("x").add(1);
            case 3 -> NODES.objectNode().put("nested", "x");
            case 4 -> NODES.textNode("not-what-you-expect");
            case 5 -> NODES.numberNode(1.5);
            default -> NODES.arrayNode();
        };
    }

    private static String goodText(JsonNode schema, Random random) {
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asText();
        }
        return switch (schema.path("type").asText("string")) {
            case "integer", "number" -> Integer.toString(1 + random.nextInt(50));
            case "boolean" -> Boolean.toString(random.nextBoolean());
            default -> "fuzz" + random.nextInt(1000);
        };
    }

    private static String badScalar(JsonNode schema, Random random) {
        if (!schema.path("type").asText("string").equals("string") || schema.has("enum")) {
            return pick(random, List.of("abc", "-1", "0", "1.5", "99999999999999999999", "1e400", "", "true", "NaN", "%00", "\u0000"));
        }
        return pick(random, NASTY);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The JSON pointers of every value in the tree (objects and arrays included, the root excluded). */
    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String p = prefix + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                out.addAll(leafPaths(e.getValue(), p));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = prefix + "/" + i;
                out.add(p);
                out.addAll(leafPaths(node.get(i), p));
            }
        }
        return out;
    }

    private static void replaceAt(JsonNode root, List<String> paths, Random random, JsonNode value) {
        if (paths.isEmpty()) {
            if (root.isObject()) {
                ((ObjectNode) root).set("field", value);
            }
            return;
        }
        String pointer = pick(random, paths);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? root : root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            String text = ASCII.writeValueAsString(node);
            // raw number tokens: "\u0001raw:1e400" (escaped as \u0001) becomes 1e400
            text = text.replaceAll("\"\\\\u0001raw:([^\"]*)\"", "$1");
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String previous = "nothing";
    private int unstorableTurn;
    static final List<String> UNSTORABLE_TAILS = List.of("\ud800", "\udc00", "\ud83d", "\u0000");

    private Finding send(Built built, Map<Integer, Integer> statuses) {
        String described = built.method() + " " + abbreviate(built.pathAndQuery()) + " [" + built.description() + "]";
        String before = previous;
        previous = described + " (" + (built.body() == null ? 0 : built.body().length) + " bytes)";
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(base.resolve(built.pathAndQuery())).timeout(timeout)
                    .method(built.method(), built.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(built.body()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fuzzer built an invalid URI: " + built.pathAndQuery(), e);
        }
        built.headers().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Finding(described, 0, "no answer within " + timeout.toSeconds() + " s", "");
        } catch (IOException e) {
            return new Finding(described, 0, "the connection failed: " + e + "; the request before it: " + before, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String body = response.body() == null ? "" : response.body();
        observer.accept(status + " " + built.method() + " " + built.pathAndQuery() + " " + response.headers().map() + "\n" + body);
        if (status >= 500) {
            return new Finding(described, status, "a 5xx", body);
        }
        if (status < 400) {
            return null;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            return new Finding(described, status, "a " + status + " with content type '" + contentType + "', not application/problem+json", body);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return new Finding(described, status, "a problem body that is not JSON", body);
        }
        if (problem == null || problem.path("status").asInt() != status || problem.path("code").asText("").isBlank()
                || problem.path("title").asText("").isBlank() || !problem.path("type").asText("").startsWith("https://")) {
            return new Finding(described, status, "a problem without a matching status, a code, a title or a type", body);
        }
        if (body.contains("Exception") || body.contains("\tat ") || body.contains("io.micronaut") || body.contains("org.postgresql")) {
            return new Finding(described, status, "a problem that shows Java internals", body);
        }
        return null;
    }

    private JsonNode document() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(openApiPath)).timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(openApiPath + " answered " + r.statusCode());
            }
            Object yaml = new Yaml(new LoaderOptions()).load(r.body());
            return JSON.valueToTree(yaml);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + openApiPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current.isMissingNode() ? NODES.objectNode() : current;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
