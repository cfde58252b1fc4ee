package io.photonfarm.labels.raycast;

/**
 * The closest intersection of a {@link Ray} with a scene's triangles.
 *
 * @param t        distance along the ray's unit direction, metres, > 0
 * @param instance index into {@code Scene.instances()} (the instance id of the labels is this + 1)
 * @param triangle index of the triangle in its mesh ({@code indices[3 triangle .. 3 triangle + 3)})
 * @param b1       barycentric weight of the triangle's second vertex
 * @param b2       barycentric weight of its third vertex (the first has {@code 1 - b1 - b2})
 * @param nx       unit geometric normal in world space, x: {@code normalize(cross(M e1, M e2))} with M the
 *                 instance's object -> world matrix and e1, e2 the triangle's object-space edges from its
 *                 first vertex, i.e. on the front side by winding (as the renderer computes it; not
 *                 turned towards the ray)
 * @param ny       normal y
 * @param nz       normal z
 */
public record RayHit(double t, int instance, int triangle, double b1, double b2, double nx, double ny, double nz) {

    /** Whether the ray met the triangle's back side (its direction has a positive component along the normal). */
    public boolean backFace(Ray ray) {
        return ray.dx() * nx + ray.dy() * ny + ray.dz() * nz > 0;
    }
}
