package dev.leadkit.examples.cli;

import dev.leadkit.dedupe.ScanListener;
import dev.leadkit.dedupe.ScanProgress;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/**
 * A duplicate scan's progress as bars on stderr (me.tongfei:progressbar): rows read, then blocks
 * compared, then clustering; one bar per phase, each redrawn in place.
 */
final class ProgressDisplay implements ScanListener, AutoCloseable {

    private final PrintWriter err;
    private ScanProgress.Phase phase;
    private ProgressBar bar;

    ProgressDisplay(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(ScanProgress p) {
        if (p.phase() != phase) {
            closeBar();
            phase = p.phase();
            if (phase != ScanProgress.Phase.DONE) {
                bar = new ProgressBarBuilder()
                        .setTaskName(label(phase))
                        .setInitialMax(phase == ScanProgress.Phase.COMPARING && p.blocksTotal() > 0 ? p.blocksTotal() : -1)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUpdateIntervalMillis(500)
                        .setUnit(phase == ScanProgress.Phase.COMPARING ? " blocks" : " rows", 1)
                        .setConsumer(new DelegatingProgressBarConsumer(this::draw, 100))
                        .build();
            }
        }
        if (bar != null) {
            if (phase == ScanProgress.Phase.COMPARING) {
                if (p.blocksTotal() > 0) {
                    bar.maxHint(p.blocksTotal());
                }
                bar.stepTo(p.blocksDone());
                bar.setExtraMessage(String.format(java.util.Locale.ROOT, "%,d pairs", p.pairsCompared()));
            } else {
                bar.stepTo(p.recordsRead());
            }
        }
    }

    private static String label(ScanProgress.Phase phase) {
        switch (phase) {
            case READING:
                return "Reading";
            case BLOCKING:
                return "Blocking";
            case COMPARING:
                return "Comparing";
            case CLUSTERING:
                return "Clustering";
            case DONE:
                return "Done";
            default:
                throw new AssertionError(phase);
        }
    }

    private void draw(String rendered) {
        synchronized (err) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }
    }

    private void closeBar() {
        if (bar != null) {
            if (bar.getMax() > 0) {
                bar.stepTo(bar.getMax());
            }
            bar.close();
            synchronized (err) {
                err.println();
                err.flush();
            }
            bar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeBar();
    }
}
