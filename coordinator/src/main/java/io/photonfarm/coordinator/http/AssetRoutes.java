package io.photonfarm.coordinator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.photonfarm.api.asset.AssetMetadata;
import io.photonfarm.coordinator.assets.AssetLibrary;
import io.photonfarm.coordinator.jobs.SceneCatalog;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * {@code /api/v1/assets}: uploading, listing, editing and deleting assets (client token);
 * {@code /api/v1/scenes}: the scenes a job can name (client token), and an asset's canonical content
 * by hash, as nodes fetch it (node token).
 */
public final class AssetRoutes implements Consumer<ApiServer.Registrar> {
    /** The header naming the file a node receives: the asset's own file, or {@code asset.tar} for a multi-file asset. */
    static final String FILE_HEADER = "X-Scene-File";

    private final AssetLibrary library;
    private final SceneCatalog scenes;
    private final JsonBodies bodies;

    public AssetRoutes(AssetLibrary library, SceneCatalog scenes, ObjectMapper json) {
        this.library = library;
        this.scenes = scenes;
        this.bodies = new JsonBodies(json, 1 << 20);
    }

    @Override
    public void accept(ApiServer.Registrar r) {
        r.add(HandlerType.POST, "/api/v1/assets", Role.CLIENT, this::upload);
        r.add(HandlerType.GET, "/api/v1/assets", Role.CLIENT, ctx -> ctx.json(library.list()));
        r.add(HandlerType.GET, "/api/v1/assets/{hash}", Role.CLIENT, ctx -> ctx.json(library.get(ctx.pathParam("hash"))));
        r.add(HandlerType.PUT, "/api/v1/assets/{hash}/metadata", Role.CLIENT, ctx -> ctx.json(library.updateMetadata(
                ctx.pathParam("hash"), bodies.read(ctx.bodyAsBytes(), AssetMetadata.class, "asset metadata"))));
        r.add(HandlerType.DELETE, "/api/v1/assets/{hash}", Role.CLIENT, ctx -> {
            if (!library.delete(ctx.pathParam("hash"))) {
                library.get(ctx.pathParam("hash")); // answers the 404
            }
            ctx.status(204);
        });
        r.add(HandlerType.GET, "/api/v1/scenes", Role.CLIENT, ctx -> ctx.json(scenes.entries()));
        r.add(HandlerType.GET, "/api/v1/scenes/{hash}", Role.NODE, this::content);
    }

    private void upload(Context ctx) throws Exception {
        AssetLibrary.Upload up = library.upload(ctx.queryParam("name"), ctx.req().getInputStream(),
                ctx.req().getContentLengthLong());
        ctx.status(up.created() ? 201 : 200).json(up.asset());
    }

    private void content(Context ctx) throws Exception {
        AssetLibrary.Content c = library.content(ctx.pathParam("hash"));
        ctx.header(FILE_HEADER, c.fileName());
        ctx.header("Content-Length", String.valueOf(Files.size(c.file())));
        ctx.contentType("application/octet-stream");
        ctx.result(Files.newInputStream(c.file()));
    }
}
