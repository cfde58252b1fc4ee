package io.photonfarm.api.asset;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A scene a job can name.
 *
 * @param sceneRef  the value of a job's {@code sceneRef}
 * @param name      a name for people
 * @param kind      where it comes from: {@code builtin}, {@code upload} (more may be added)
 * @param triangles its triangle count where known (absent for built-in scenes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneEntry(String sceneRef, String name, String kind, Long triangles) {
}
