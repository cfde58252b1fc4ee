/** Sensor profiles and the image signal processor: linear radiance in, a camera's image out. */
package io.photonfarm.sensor;
