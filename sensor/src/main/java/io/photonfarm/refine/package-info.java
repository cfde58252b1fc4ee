/** Photometric domain-gap refiners and the domain-gap report against a target set of real photographs. */
package io.photonfarm.refine;
