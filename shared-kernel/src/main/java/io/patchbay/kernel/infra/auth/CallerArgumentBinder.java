package io.patchbay.kernel.infra.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.patchbay.kernel.auth.Caller;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets a controller method take the authenticated {@link Caller} as a parameter. */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {
    private final Authenticator authenticator;

    public CallerArgumentBinder(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = Optional.of(authenticator.authenticate(source));
        return () -> caller;
    }
}
