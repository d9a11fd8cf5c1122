package io.patchbay.environment.adapter.out.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.json.JsonMapper;
import io.patchbay.environment.application.port.out.ConfigSizer;
import io.patchbay.kernel.infra.json.JsonTrees;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

/** JSON columns: config trees to text and back (key order and nulls kept); the stored size of a config. */
@Singleton
class JsonColumns implements ConfigSizer {
    private final JsonMapper mapper;

    JsonColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(Map<String, Object> tree) {
        return new String(JsonTrees.write(mapper, tree), StandardCharsets.UTF_8);
    }

    Map<String, Object> read(String text) {
        try {
            return JsonTrees.readObject(mapper, text);
        } catch (IOException e) {
            throw new DataAccessException("stored JSON could not be read", new SQLException(e));
        }
    }

    @Override
    public long bytes(Map<String, Object> config) {
        return JsonTrees.write(mapper, config).length;
    }
}
