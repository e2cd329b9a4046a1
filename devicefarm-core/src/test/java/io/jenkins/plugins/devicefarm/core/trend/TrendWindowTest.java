package io.jenkins.plugins.devicefarm.core.trend;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devicefarm.core.model.OutcomeTotals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * The job page's cost over a long history: builds loaded and record look-ups, counted, for the
 * walk the plugin used before (kept here as the baseline) and for {@link TrendWindow}. Prints the
 * figures of docs/benchmarks.md ("Job page with 1,000 builds"); asserts only counts, never time.
 */
class TrendWindowTest {
    private static final int HISTORY = 1000;

    /** A history of {@code size} finished builds, #size the newest; counts what a page touches. */
    private static final class History {
        final int size;
        final IntPredicate recorded;
        final Set<Integer> loaded = new HashSet<>();
        int lookups;

        History(int size, IntPredicate recorded) {
            this.size = size;
            this.recorded = recorded;
        }

        Integer newest() {
            return load(size);
        }

        Integer previous(Integer b) {
            return b > 1 ? load(b - 1) : null;
        }

        Integer load(int n) {
            loaded.add(n);
            return n;
        }

        /** A build's Device Farm record, as Run.getAction does: one look-up. */
        BuildSummary summary(Integer b) {
            lookups++;
            return recorded.test(b) ? new BuildSummary(b, "#" + b, OutcomeTotals.of(List.of())) : null;
        }

        boolean hasRecord(Integer b) {
            return summary(b) != null;
        }
    }

    @Test
    void oneWalkOfTheWindowWhateverTheHistory() {
        for (int size : new int[] {60, HISTORY, 10 * HISTORY}) {
            History h = new History(size, n -> n % 2 == 0);
            List<BuildSummary> s = TrendWindow.collect(h.newest(), h::previous, h::summary, TrendWindow.DEFAULT_WINDOW);
            assertThat(h.loaded).hasSize(TrendWindow.DEFAULT_WINDOW);
            assertThat(h.lookups).isEqualTo(TrendWindow.DEFAULT_WINDOW);
            assertThat(s).hasSize(TrendWindow.DEFAULT_WINDOW / 2);
            assertThat(s.get(0).number()).isEqualTo(size); // newest first
        }
    }

    @Test
    void stopsAtTheOldestBuild() {
        History h = new History(3, n -> n != 2);
        assertThat(TrendWindow.collect(h.newest(), h::previous, h::summary, 50)).extracting(BuildSummary::number)
                .containsExactly(3, 1);
        assertThat(TrendWindow.collect(null, h::previous, h::summary, 50)).isEmpty();
    }

    /** Baseline: the walk of 7dde06a (job action 20 builds per getAllActions(); each chart twice up to 200). */
    private static void before(History h, int getAllActionsCalls) {
        boolean shown = false;
        for (int call = 0; call < getAllActionsCalls; call++) {
            shown = !walk(h, 20, 1).isEmpty();
        }
        if (shown) {
            for (int chart = 0; chart < 2; chart++) {
                walk(h, 200, 1);                                          // isTrendVisible()
                walk(h, 200, TrendModel.DEFAULT_MAX_BUILDS);              // the chart's model
            }
        }
    }

    private static List<Integer> walk(History h, int lookBack, int max) {
        List<Integer> found = new ArrayList<>();
        Integer b = h.newest();
        for (int n = 0; b != null && n < lookBack && found.size() < max; n++) {
            if (h.hasRecord(b)) {
                found.add(b);
            }
            b = h.previous(b);
        }
        return found;
    }

    /** Now: the job action from the newest, newest completed and newest successful builds; one walk for both charts. */
    private static void after(History h, int getAllActionsCalls) {
        boolean shown = false;
        for (int call = 0; call < getAllActionsCalls; call++) {
            shown = h.hasRecord(h.newest()); // all finished here: the three permalinks name the same build
        }
        if (shown) {
            TrendWindow.collect(h.newest(), h::previous, h::summary, TrendWindow.DEFAULT_WINDOW);
        }
    }

    @Test
    void jobPageCostBeforeAndAfter() {
        int calls = 5; // getAllActions() calls while one job page renders: an assumption, printed with the figures
        record("every build used Device Farm", n -> true, calls);
        record("every 10th build used Device Farm", n -> n % 10 == 0, calls);
        record("only the newest build used Device Farm", n -> n == HISTORY, calls);
        record("Device Farm last used by build #1", n -> n == 1, calls);
    }

    private static void record(String scenario, IntPredicate recorded, int calls) {
        History old = new History(HISTORY, recorded);
        before(old, calls);
        History now = new History(HISTORY, recorded);
        after(now, calls);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", scenario, old.loaded.size(), old.lookups,
                now.loaded.size(), now.lookups);
        assertThat(now.loaded.size()).isLessThanOrEqualTo(TrendWindow.DEFAULT_WINDOW);
        assertThat(now.lookups).isLessThanOrEqualTo(calls + TrendWindow.DEFAULT_WINDOW);
    }
}
