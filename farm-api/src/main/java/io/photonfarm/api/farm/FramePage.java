package io.photonfarm.api.farm;

import java.util.List;

/**
 * One page of a job's frames ({@code GET /api/v1/jobs/{id}/frames?offset=&limit=}).
 *
 * @param frames  the job's frame count
 * @param written frames written so far
 * @param offset  the first frame index of this page
 * @param limit   the most entries a page holds
 * @param items   the page's frames, in index order
 */
public record FramePage(int frames, int written, int offset, int limit, List<FrameEntry> items) {
    public FramePage {
        items = List.copyOf(items);
    }
}
