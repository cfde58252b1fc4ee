package io.photonfarm.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.photonfarm.api.ApiError;
import io.photonfarm.api.job.JobSpecException;
import io.photonfarm.api.tile.MalformedTileResultException;
import io.photonfarm.coordinator.assets.AssetException;
import io.photonfarm.coordinator.auth.Tokens;
import io.photonfarm.coordinator.jobs.UnknownJobException;
import io.photonfarm.coordinator.work.StaleLeaseException;
import io.photonfarm.coordinator.work.UnknownNodeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The coordinator's HTTP edge: a Javalin server whose routes only translate HTTP to the services
 * and back. Every {@code /api/} request must carry a token ({@code Authorization: Bearer T}, or the
 * {@code photonfarm_token} cookie the web UI sets, since browsers' EventSource cannot send headers);
 * node routes take the node token, all others the client token. Errors are {@link ApiError} bodies.
 */
public final class ApiServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ApiServer.class.getName());
    static final String ROLE_ATTRIBUTE = "photonfarm.role";
    /** The cookie the web UI signs in with (HttpOnly, SameSite=Strict). */
    public static final String TOKEN_COOKIE = "photonfarm_token";

    private final Javalin app;
    private final Tokens tokens;
    private final List<Route> routes = new ArrayList<>();
    private final java.util.Set<String> openPaths = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Registers routes; handed to each route group. */
    public final class Registrar {
        private Registrar() {
        }

        public void add(HandlerType method, String path, Role role, Handler handler) {
            routes.add(new Route(method.name(), path));
            app.addHttpHandler(method, path, ctx -> {
                Role caller = ctx.attribute(ROLE_ATTRIBUTE);
                if (caller != role && !(caller == Role.CLIENT && tokens.clientToken().equals(tokens.nodeToken()))) {
                    throw new ForbiddenException(method + " " + path + " needs the " + role.name().toLowerCase()
                            + " token");
                }
                handler.handle(ctx);
            });
        }

        /**
         * An API route that takes no token (signing in): it is listed with the others, and must say so in
         * the OpenAPI file ({@code security: []}).
         */
        public void open(HandlerType method, String path, Handler handler) {
            routes.add(new Route(method.name(), path));
            openPaths.add(path);
            app.addHttpHandler(method, path, handler);
        }

        /** A browser page or asset outside {@code /api/}: not an API route; the handler checks the caller itself. */
        public void page(String path, Handler handler) {
            app.addHttpHandler(HandlerType.GET, path, handler);
        }

        /** Whether the request carries a valid client token (header or cookie). */
        public boolean isClient(Context ctx) {
            String token = presentedToken(ctx);
            return token != null && tokens.isClient(token);
        }

        public void sse(String path, Consumer<io.javalin.http.sse.SseClient> client) {
            routes.add(new Route("GET", path));
            // Javalin's SSE handler streams only to "Accept: text/event-stream" (what EventSource sends)
            // and answers anything else with an empty 200; say what is wrong instead.
            app.before(path, ctx -> {
                if (ctx.method() == HandlerType.GET && !"text/event-stream".equals(ctx.header("Accept"))) {
                    throw new io.javalin.http.HttpResponseException(406, "GET " + path
                            + " is an event stream: send 'Accept: text/event-stream'");
                }
            });
            app.sse(path, client);
        }
    }

    /**
     * @param maxRequestBytes the largest request body (tile uploads are the largest), bytes
     * @param groups          route groups, each registering its routes
     */
    public ApiServer(Tokens tokens, ObjectMapper json, long maxRequestBytes, List<Consumer<Registrar>> groups) {
        this.tokens = tokens;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = maxRequestBytes;
            // Archives stream their own compression (tar.gz, zip); re-compressing would only cost CPU.
            cfg.http.disableCompression();
        });
        app.before("/api/*", this::authenticate);
        mapErrors(maxRequestBytes);
        Registrar registrar = new Registrar();
        groups.forEach(g -> g.accept(registrar));
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    /** The routes served, in registration order. */
    public List<Route> routes() {
        return Collections.unmodifiableList(routes);
    }

    @Override
    public void close() {
        app.stop();
    }

    private static String presentedToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        String cookie = ctx.cookie(TOKEN_COOKIE);
        try {
            return cookie == null ? null : java.net.URLDecoder.decode(cookie, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // a malformed cookie is no token
        }
    }

    private void authenticate(Context ctx) {
        if (openPaths.contains(ctx.path())) {
            return;
        }
        String token = presentedToken(ctx);
        if (token == null) {
            throw new UnauthorizedException("missing token: send 'Authorization: Bearer <token>'");
        }
        if (tokens.isClient(token)) {
            ctx.attribute(ROLE_ATTRIBUTE, Role.CLIENT);
        } else if (tokens.isNode(token)) {
            ctx.attribute(ROLE_ATTRIBUTE, Role.NODE);
        } else {
            throw new UnauthorizedException("invalid token");
        }
    }

    private void mapErrors(long maxRequestBytes) {
        app.exception(CompletionException.class, (e, ctx) -> {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof Exception ex) {
                handle(ex, ctx);
            } else {
                error(ctx, 500, String.valueOf(cause));
            }
        });
        // Javalin answers its own HttpResponseExceptions (413, 404 of unknown paths...) in plain text
        // unless a handler is registered for that type: register one, so every error is an ApiError.
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                e.getStatus() == 413 ? "request body too large: at most " + maxRequestBytes + " bytes are accepted"
                        : e.getMessage()));
        app.exception(Exception.class, this::handle);
    }

    private void handle(Exception e, Context ctx) {
        if (e instanceof AssetException a) {
            ctx.status(a.status()).json(new ApiError(a.status(), a.getMessage(), a.violations()));
        } else if (e instanceof JobSpecException j) {
            ctx.status(400).json(new ApiError(400, j.getMessage(), j.violations()));
        } else if (e instanceof UnauthorizedException) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"photonfarm\"");
            error(ctx, 401, e.getMessage());
        } else if (e instanceof ForbiddenException) {
            error(ctx, 403, e.getMessage());
        } else if (e instanceof UnknownJobException || e instanceof UnknownNodeException) {
            error(ctx, 404, e.getMessage());
        } else if (e instanceof StaleLeaseException || e instanceof IllegalStateException) {
            error(ctx, 409, e.getMessage());
        } else if (e instanceof BadRequestException || e instanceof MalformedTileResultException
                || e instanceof IllegalArgumentException) {
            error(ctx, 400, e.getMessage());
        } else if (e instanceof io.javalin.http.HttpResponseException h) {
            error(ctx, h.getStatus(), h.getMessage());
        } else {
            LOG.log(System.Logger.Level.ERROR, "serving " + ctx.method() + " " + ctx.path() + ": " + e, e);
            error(ctx, 500, "internal error while serving " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(ApiError.of(status, message));
    }

    /** No or wrong token: HTTP 401. */
    static final class UnauthorizedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnauthorizedException(String message) {
            super(message);
        }
    }

    /** A valid token of the wrong kind: HTTP 403. */
    static final class ForbiddenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ForbiddenException(String message) {
            super(message);
        }
    }
}
