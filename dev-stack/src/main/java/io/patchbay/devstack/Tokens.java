package io.patchbay.devstack;

import io.patchbay.kernel.infra.auth.TokenMinter;

/** Tokens the local services accept: signed with {@code PATCHBAY_JWT_SECRET} when set (the services read it too), else the dev key. */
final class Tokens {

    private Tokens() {
    }

    static TokenMinter minter(Settings settings) {
        return settings.jwtSecret().map(TokenMinter::new).orElseGet(TokenMinter::dev);
    }

    static String mint(Settings settings, Command.Token token) {
        return minter(settings).mint(token.userId(), token.teams(), token.roles(), token.environmentId().orElse(null),
                token.ttl());
    }
}
