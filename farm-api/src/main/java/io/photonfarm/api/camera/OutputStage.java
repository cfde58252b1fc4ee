package io.photonfarm.api.camera;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a frame keeps besides the processed image: the inputs and targets for training denoisers and
 * raw-domain models.
 *
 * @param raw    also write the raw mosaic as a 16-bit grey PNG (black level included, values at the sensor's
 *               bit depth, not rescaled); needs a sensor stage; default false
 * @param linear also keep the clean linear image: camera RGB (1 channel for a monochrome sensor) after optics
 *               and exposure, without noise or dark signal, as a fraction of the ADC's full scale above black,
 *               clipped at the full well and full scale; default false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutputStage(Boolean raw, Boolean linear) {
}
