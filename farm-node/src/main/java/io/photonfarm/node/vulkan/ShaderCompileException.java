package io.photonfarm.node.vulkan;

/** GLSL did not compile; the message carries shaderc's "file:line: error" lines. */
public class ShaderCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShaderCompileException(String message) {
        super(message);
    }
}
