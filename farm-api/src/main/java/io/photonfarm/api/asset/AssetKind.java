package io.photonfarm.api.asset;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What an uploaded asset is: a mesh (a scene of its own, or an object for recipes), an environment
 * map, a set of real photographs (a target domain for refiners and the domain-gap report), or a
 * learned image-to-image refiner (an ONNX model).
 */
public enum AssetKind {
    @JsonProperty("mesh")
    MESH,
    @JsonProperty("environment")
    ENVIRONMENT,
    @JsonProperty("photos")
    PHOTOS,
    @JsonProperty("model")
    MODEL
}
