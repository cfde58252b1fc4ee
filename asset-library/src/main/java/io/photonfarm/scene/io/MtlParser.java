package io.photonfarm.scene.io;

import io.photonfarm.scene.Rgb;
import io.photonfarm.scene.io.MtlMaterial.TextureRef;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Parses MTL material libraries into {@link MtlMaterial}s. Statements that do not change how the
 * principled material looks (Ka, Tf, map_Ks, map_d, refl, ...) and unknown statements are ignored;
 * malformed numbers and material statements before any {@code newmtl} are errors naming the line.
 */
final class MtlParser {
    private final LineReader lines;
    private final LineTokens tokens;
    private final ReferencedFiles refs;
    private Block block;

    private MtlParser(byte[] mtl, ReferencedFiles mtlRefs) {
        this.refs = mtlRefs;
        this.lines = new LineReader(mtlRefs.scene(), new ByteArrayInputStream(mtl));
        this.tokens = new LineTokens(lines);
    }

    /**
     * Adds the materials of one MTL file to {@code into}; a later definition of a name replaces an
     * earlier one, as reading the libraries in order would.
     *
     * @param mtlRefs references of the MTL file: {@code scene()} is the MTL file itself, so texture
     *                names resolve against its directory, inside the scene's root
     */
    static void parse(byte[] mtl, ReferencedFiles mtlRefs, Map<String, MtlMaterial> into) throws SceneFormatException {
        MtlParser p = new MtlParser(mtl, mtlRefs);
        while (p.lines.next()) {
            p.tokens.reset();
            String keyword = p.tokens.nextString();
            if (keyword != null) {
                p.statement(keyword, into);
            }
        }
        p.finish(into);
    }

    private void statement(String keyword, Map<String, MtlMaterial> into) throws SceneFormatException {
        if (keyword.equals("newmtl")) {
            finish(into);
            String name = tokens.rest();
            if (name.isEmpty()) {
                throw lines.fail("newmtl without a material name");
            }
            block = new Block(name, lines.lineNumber());
            return;
        }
        switch (keyword) {
            case "Kd" -> current(keyword).kd = colour(keyword);
            case "Ks" -> current(keyword).ks = colour(keyword);
            case "Ke" -> current(keyword).ke = colour(keyword);
            case "Ns" -> current(keyword).ns = tokens.nextFloat(keyword);
            case "Ni" -> current(keyword).ni = tokens.nextFloat(keyword);
            case "d" -> current(keyword).d = dissolve();
            case "Tr" -> current(keyword).tr = tokens.nextFloat(keyword);
            case "illum" -> current(keyword).illum = illum();
            case "Pr" -> current(keyword).pr = tokens.nextFloat(keyword);
            case "Pm" -> current(keyword).pm = tokens.nextFloat(keyword);
            case "map_Kd" -> current(keyword).mapKd = map(keyword);
            case "map_Ke" -> current(keyword).mapKe = map(keyword);
            case "map_Bump", "map_bump", "bump" -> current(keyword).bump = map(keyword);
            case "norm" -> current(keyword).normal = map(keyword);
            case "map_Pr" -> current(keyword).mapPr = map(keyword);
            case "map_Pm" -> current(keyword).mapPm = map(keyword);
            default -> {
                // Ka, Tf, map_Ka, map_Ks, map_d, refl, Pc, aniso, ...: nothing the material can show.
            }
        }
    }

    private Block current(String keyword) throws SceneFormatException {
        if (block == null) {
            throw lines.fail("'" + keyword + "' before any newmtl");
        }
        return block;
    }

    private void finish(Map<String, MtlMaterial> into) {
        if (block != null) {
            into.put(block.name, block.toMaterial());
            block = null;
        }
    }

    /** {@code r [g b]}: one value means grey. */
    private Rgb colour(String keyword) throws SceneFormatException {
        int mark = tokens.mark();
        String first = tokens.nextString();
        if ("spectral".equals(first) || "xyz".equals(first)) {
            throw lines.fail("'" + keyword + " " + first + "' is not supported; give r g b");
        }
        tokens.rewind(mark);
        float r = tokens.nextFloat(keyword + " red");
        if (!tokens.next()) {
            return new Rgb(r, r, r);
        }
        float g = tokens.tokenFloat(keyword + " green");
        float b = tokens.nextFloat(keyword + " blue");
        return new Rgb(r, g, b);
    }

    /** {@code d [-halo] factor}; the halo form (dissolve by view angle) is read as plain dissolve. */
    private float dissolve() throws SceneFormatException {
        int mark = tokens.mark();
        if (!"-halo".equals(tokens.nextString())) {
            tokens.rewind(mark);
        }
        return tokens.nextFloat("d");
    }

    private int illum() throws SceneFormatException {
        int illum = tokens.nextInt("illum");
        if (illum < 0 || illum > 10) {
            throw lines.fail("illum " + illum + " is outside the illumination models 0..10");
        }
        return illum;
    }

    /**
     * {@code map_xx [options] file name}: skips the options by their argument counts, then takes
     * the rest of the line as the file name, so names with spaces work.
     */
    private TextureRef map(String keyword) throws SceneFormatException {
        float bumpScale = 1f;
        while (true) {
            int mark = tokens.mark();
            String option = tokens.nextString();
            if (option == null || !option.startsWith("-") || option.length() < 2) {
                tokens.rewind(mark);
                break;
            }
            switch (option) {
                case "-bm" -> bumpScale = tokens.nextFloat(keyword + " -bm");
                case "-blendu", "-blendv", "-boost", "-texres", "-clamp", "-imfchan", "-type", "-cc" ->
                        requireArgument(keyword, option);
                case "-mm" -> {
                    tokens.nextFloat(keyword + " -mm base");
                    tokens.nextFloat(keyword + " -mm gain");
                }
                case "-o", "-s", "-t" -> vector(keyword, option);
                default -> throw lines.fail(keyword + " has the unknown option '" + LineTokens.clip(option) + "'");
            }
        }
        String file = tokens.rest();
        if (file.isEmpty()) {
            throw lines.fail(keyword + " without a file name");
        }
        return new TextureRef(file, keyword, lines.lineNumber(), bumpScale, refs);
    }

    private void requireArgument(String keyword, String option) throws SceneFormatException {
        if (!tokens.next()) {
            throw lines.fail(keyword + " option " + option + " needs a value");
        }
    }

    /** {@code -o u [v [w]]}: one to three numbers. */
    private void vector(String keyword, String option) throws SceneFormatException {
        tokens.nextFloat(keyword + " " + option);
        for (int i = 0; i < 2; i++) {
            int mark = tokens.mark();
            if (!tokens.next() || !tokens.tokenIsNumber()) {
                tokens.rewind(mark);
                return;
            }
        }
    }

    /** The statements of one newmtl block while it is being read. */
    private static final class Block {
        final String name;
        final int line;
        Rgb kd;
        Rgb ks;
        Rgb ke;
        float ns = Float.NaN;
        float ni = Float.NaN;
        float d = Float.NaN;
        float tr = Float.NaN;
        int illum = -1;
        float pr = Float.NaN;
        float pm = Float.NaN;
        TextureRef mapKd;
        TextureRef mapKe;
        TextureRef bump;
        TextureRef normal;
        TextureRef mapPr;
        TextureRef mapPm;

        Block(String name, int line) {
            this.name = name;
            this.line = line;
        }

        MtlMaterial toMaterial() {
            return new MtlMaterial(name, line, kd, ks, ke, ns, ni, d, tr, illum, pr, pm, mapKd, mapKe, bump,
                    normal, mapPr, mapPm);
        }
    }
}
