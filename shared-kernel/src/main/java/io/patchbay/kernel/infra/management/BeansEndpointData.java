package io.patchbay.kernel.infra.management;

import io.micronaut.context.BeanContext;
import io.micronaut.context.DisabledBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.management.endpoint.beans.BeanDefinitionData;
import io.micronaut.management.endpoint.beans.BeanDefinitionDataCollector;
import io.micronaut.management.endpoint.beans.BeansEndpoint;
import io.micronaut.management.endpoint.beans.impl.DefaultBeanDefinitionDataCollector;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /beans} answers (off unless {@code PATCHBAY_MANAGEMENT_BEANS_ENABLED}; admins only). Micronaut's own
 * collector keys beans by their definition's class name, and the beans registered at run time all share one
 * ({@code DefaultRuntimeBeanDefinition}), so it failed with "Duplicate key" and a 500. Here a repeated class name is
 * told apart by a counter.
 */
@Singleton
@Requires(beans = BeansEndpoint.class)
@Replaces(DefaultBeanDefinitionDataCollector.class)
public class BeansEndpointData implements BeanDefinitionDataCollector<Map<String, Object>> {
    private final BeanContext beanContext;
    private final BeanDefinitionData<Map<String, Object>> beanDefinitionData;

    public BeansEndpointData(BeanContext beanContext, BeanDefinitionData<Map<String, Object>> beanDefinitionData) {
        this.beanContext = beanContext;
        this.beanDefinitionData = beanDefinitionData;
    }

    @Override
    public Map<String, Object> getData() {
        List<BeanDefinition<?>> definitions = beanContext.getAllBeanDefinitions().stream()
                .sorted(Comparator.comparing((BeanDefinition<?> d) -> d.getClass().getName()).thenComparing(d -> d.getBeanType().getName()))
                .toList();
        Map<String, Map<String, Object>> beans = new LinkedHashMap<>();
        for (BeanDefinition<?> definition : definitions) {
            String key = definition.getClass().getName();
            for (int n = 2; beans.containsKey(key); n++) {
                key = definition.getClass().getName() + "#" + n;
            }
            beans.put(key, beanDefinitionData.getData(definition));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("beans", beans);
        data.put("disabled", beanContext.getDisabledBeans().stream().map(BeansEndpointData::disabled).toList());
        return data;
    }

    private static Map<String, Object> disabled(DisabledBean<?> bean) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", bean.type().getTypeName());
        if (bean.qualifier() != null) {
            data.put("qualifier", bean.qualifier().toString());
        }
        data.put("reasons", bean.reasons());
        return data;
    }
}
