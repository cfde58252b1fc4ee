package io.photonfarm.coordinator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.api.ApiError;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.http.ApiServer;
import io.photonfarm.coordinator.http.JsonBodies;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/session} signs a browser in: given the client token, it sets the
 * {@code photonfarm_token} cookie (HttpOnly, so scripts cannot read it; SameSite=Strict, so other
 * sites cannot send it) that pages, API calls and the event stream then carry.
 * {@code DELETE /api/v1/session} signs out. Both take no token.
 */
public final class SessionRoutes implements Consumer<ApiServer.Registrar> {
    /** What the sign-in form sends. */
    public record SignIn(String token) {
    }

    private final Tokens tokens;
    private final JsonBodies bodies;

    public SessionRoutes(Tokens tokens, ObjectMapper json) {
        this.tokens = tokens;
        this.bodies = new JsonBodies(json, 4096);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.open(HandlerType.POST, "/api/v1/session", this::signIn);
        r.open(HandlerType.DELETE, "/api/v1/session", this::signOut);
    }

    private void signIn(Context ctx) {
        SignIn in = bodies.read(ctx.bodyAsBytes(), SignIn.class, "session");
        if (in.token() == null || !tokens.isClient(in.token().trim())) {
            ctx.status(401).json(ApiError.of(401, "token: not this farm's client token (the coordinator printed it "
                    + "when it started)"));
            return;
        }
        // URL-encoded: a configured token may hold characters a cookie value cannot (the server decodes it).
        ctx.header("Set-Cookie", ApiServer.TOKEN_COOKIE + "=" + URLEncoder.encode(in.token().trim(), StandardCharsets.UTF_8)
                + "; Path=/; HttpOnly; SameSite=Strict");
        ctx.status(204);
    }

    private void signOut(Context ctx) {
        ctx.header("Set-Cookie", ApiServer.TOKEN_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }
}
