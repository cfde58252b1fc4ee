// Thin-lens perspective camera. Image coordinates: pixel (u, v) covers [u, u+1) x [v, v+1),
// origin top-left, v down (OpenCV); `film` is a continuous position in those coordinates.
#ifndef CAMERA_GLSL
#define CAMERA_GLSL

// The unit direction of the ray through the lens centre towards film position `film`.
vec3 pinhole_direction(vec2 film) {
    vec2 size = vec2(frame.image.xy);
    float sx = (2.0 * film.x / size.x - 1.0) * frame.camRight.w;
    float sy = (1.0 - 2.0 * film.y / size.y) * frame.camUp.w;
    return normalize(frame.camForward.xyz + sx * frame.camRight.xyz + sy * frame.camUp.xyz);
}

void camera_ray(vec2 film, vec2 uLens, out vec3 origin, out vec3 dir) {
    vec3 d = pinhole_direction(film);
    float lensRadius = frame.camPos.w;
    if (lensRadius > 0.0) {
        // Every ray through the lens meets the pinhole ray on the plane in focus.
        vec3 focus = frame.camPos.xyz + d * (frame.camForward.w / dot(d, frame.camForward.xyz));
        vec2 lens = concentric_disk(uLens) * lensRadius;
        origin = frame.camPos.xyz + lens.x * frame.camRight.xyz + lens.y * frame.camUp.xyz;
        dir = normalize(focus - origin);
    } else {
        origin = frame.camPos.xyz;
        dir = d;
    }
}

#endif
