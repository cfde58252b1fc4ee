package io.photonfarm.node.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosingLruTest {
    private final List<String> closed = new ArrayList<>();
    private final List<String> made = new ArrayList<>();

    private AutoCloseable make(String key) {
        made.add(key);
        return () -> closed.add(key);
    }

    @Test
    void aKeyIsLoadedOnceWhileItStaysCached() {
        ClosingLru<String, AutoCloseable> lru = new ClosingLru<>(2);
        AutoCloseable a = lru.get("a", this::make);
        assertSame(a, lru.get("a", this::make));
        assertSame(a, lru.find("a"));
        assertEquals(List.of("a"), made);
    }

    @Test
    void theLeastRecentlyUsedValueIsClosedBeforeANewOneIsMade() {
        ClosingLru<String, AutoCloseable> lru = new ClosingLru<>(2);
        lru.get("a", this::make);
        lru.get("b", this::make);
        lru.get("a", this::make); // a is now more recent than b
        lru.get("c", this::make);
        assertEquals(List.of("b"), closed);
        assertEquals(List.of("a", "c"), lru.keys());
        assertEquals(List.of("a", "b", "c"), made);
    }

    @Test
    void closingClosesEveryCachedValue() {
        ClosingLru<String, AutoCloseable> lru = new ClosingLru<>(3);
        lru.get("a", this::make);
        lru.get("b", this::make);
        lru.close();
        assertEquals(List.of("a", "b"), closed);
        assertEquals(0, lru.size());
    }
}
