package io.photonfarm.coordinator.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.photonfarm.coordinator.http.ApiServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The web UI's pages and files. Pages need the client token (the {@code photonfarm_token} cookie
 * that signing in sets): without it the browser is sent to the sign-in page, which comes back to
 * the page asked for. Styles and scripts are served to anyone: they hold no data, and the sign-in
 * page needs them. Every answer carries a content security policy that allows only this origin's
 * files (no inline script, no CDN): the farm may have no internet, and the UI must not need it.
 */
public final class WebRoutes implements Consumer<ApiServer.Registrar> {
    static final String CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private final WebAssets assets;

    public WebRoutes(WebAssets assets) {
        this.assets = assets;
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        page(r, "/", "dashboard.html");
        page(r, "/submit", "submit.html");
        page(r, "/jobs/{id}", "dataset.html");
        page(r, "/jobs/{id}/frames/{frame}", "frame.html");
        r.page("/signin", ctx -> serve(ctx, "signin.html"));
        r.page("/static/{name}", ctx -> serve(ctx, ctx.pathParam("name")));
    }

    private void page(ApiServer.Registrar r, String path, String file) {
        r.page(path, ctx -> {
            if (!r.isClient(ctx)) {
                String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                ctx.redirect("/signin?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return;
            }
            serve(ctx, file);
        });
    }

    private void serve(Context ctx, String name) {
        WebAssets.Asset a = assets.get(name).orElseThrow(() -> new NotFoundResponse("no such page or file: " + ctx.path()));
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", a.etag());
        if (a.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(a.contentType());
        ctx.result(a.bytes());
    }
}
