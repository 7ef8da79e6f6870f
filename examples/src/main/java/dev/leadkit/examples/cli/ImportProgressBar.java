package dev.leadkit.examples.cli;

import dev.leadkit.csv.ImportListener;
import dev.leadkit.intake.ImportJob;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;

/** An import's progress as a bar of committed rows on stderr (me.tongfei:progressbar). */
final class ImportProgressBar implements ImportListener, AutoCloseable {

    private final PrintWriter err;
    private final ProgressBar bar;
    private boolean closed;

    ImportProgressBar(PrintWriter err, long rowsHint) {
        this.err = err;
        this.bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(rowsHint)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setUnit(" rows", 1)
                .setConsumer(new DelegatingProgressBarConsumer(this::draw, 100)).build();
    }

    @Override
    public void committed(ImportJob job) {
        bar.stepTo(job.lastCommittedRow());
    }

    private void draw(String rendered) {
        synchronized (err) {
            err.print('\r');
            err.print(rendered);
            err.flush();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        bar.close();
        synchronized (err) {
            err.println();
            err.flush();
        }
    }
}
