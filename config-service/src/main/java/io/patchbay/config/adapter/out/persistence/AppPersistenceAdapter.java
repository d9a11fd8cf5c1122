package io.patchbay.config.adapter.out.persistence;

import io.patchbay.config.application.PublishedNames;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.patchbay.config.application.port.out.AppStore;
import io.patchbay.config.domain.App;
import io.patchbay.config.domain.Plan;
import io.patchbay.kernel.error.Problems;
import io.patchbay.kernel.infra.jdbc.DuplicateKeyException;
import io.patchbay.kernel.infra.jdbc.FirstVersionIsOne;
import io.patchbay.kernel.secret.SecretBox;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Singleton
class AppPersistenceAdapter implements AppStore {
    private final AppRepository repository;
    private final SecretBox box;

    AppPersistenceAdapter(AppRepository repository, SecretBox box) {
        this.repository = repository;
        this.box = box;
    }

    @Override
    public Optional<App> findByIdOrSlug(String idOrSlug) {
        return repository.findByIdOrSlug(idOrSlug, idOrSlug).map(AppPersistenceAdapter::toDomain);
    }

    @Override
    public List<App> findByIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : repository.findByIdIn(ids).stream().map(AppPersistenceAdapter::toDomain).toList();
    }

    @Override
    public List<App> list() {
        return repository.listOrderBySlug().stream().map(AppPersistenceAdapter::toDomain).toList();
    }

    @Override
    public void insert(App app, String actor) {
        try {
            repository.save(toRow(app, actor, actor, FirstVersionIsOne.FIRST, null));
        } catch (DuplicateKeyException e) {
            throw slugTaken(app);
        }
    }

    /**
     * Writes {@code app} over the row {@code previous} was read from: the row as it is now must still be {@code previous}
     * (compared field by field), and its version must not move between that check and the write.
     */
    @Override
    public void update(App previous, App app, String actor) {
        AppRow current = repository.findById(app.id()).filter(row -> toDomain(row).equals(previous)).orElseThrow(() -> changed(app));
        try {
            repository.update(toRow(app, current.createdBy(), actor, current.version(), current.clientSecret()));
        } catch (OptimisticLockException e) {
            throw changed(app);
        } catch (DuplicateKeyException e) {
            throw slugTaken(app);
        }
    }

    @Override
    public void saveClientSecret(String appId, String clientSecret) {
        AppRow r = repository.findById(appId).orElseThrow(() -> Problems.notFound("app " + appId));
        try {
            repository.update(new AppRow(r.id(), r.slug(), r.name(), r.icon(), r.scopes(), r.marketplace(), r.partnerTeamId(), r.requiredPlan(),
                    r.requiredPlanRank(), r.available(), r.legacy(), r.createdAt(), r.updatedAt(), r.createdBy(), r.updatedBy(), r.version(),
                    r.webhookUrl(), box.seal(clientSecret)));
        } catch (OptimisticLockException e) {
            throw Problems.conflict("app " + appId + " was changed by another request; try again");
        }
    }

    @Override
    public Optional<String> clientSecret(String appId) {
        return repository.findById(appId).map(AppRow::clientSecret).map(box::open);
    }

    private static RuntimeException slugTaken(App app) {
        return Problems.conflict("an app with slug '" + app.slug() + "' already exists");
    }

    private static RuntimeException changed(App app) {
        return Problems.conflict("app " + app.id() + " was changed by another request; read it again and retry");
    }

    private static AppRow toRow(App a, String createdBy, String updatedBy, long version, String sealedSecret) {
        return new AppRow(a.id(), a.slug(), a.name(), a.icon(), a.scopes(), a.marketplace(), a.partnerTeamId(), PublishedNames.NAMES.name(a.requiredPlan()),
                (short) a.requiredPlan().ordinal(), a.available(), a.legacy(), Instant.ofEpochMilli(a.createdAt()),
                Instant.ofEpochMilli(a.updatedAt()), createdBy, updatedBy, version, a.webhookUrl(), sealedSecret);
    }

    private static App toDomain(AppRow r) {
        return new App(r.id(), r.slug(), r.name(), r.icon(), r.scopes(), r.marketplace(), r.partnerTeamId(),
                PublishedNames.NAMES.fromStored(Plan.class, r.requiredPlan(), "app.required_plan"), r.available(), r.legacy(), r.createdAt().toEpochMilli(),
                r.updatedAt().toEpochMilli(), r.webhookUrl());
    }
}
