package io.photonfarm.api.asset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an uploaded asset is: a mesh (a scene of its own, or an object for recipes) or an environment map. */
public enum AssetKind {
    @JsonProperty("mesh")
    MESH,
    @JsonProperty("environment")
    ENVIRONMENT
}
