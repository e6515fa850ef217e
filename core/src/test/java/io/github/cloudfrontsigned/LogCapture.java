package io.github.cloudfrontsigned;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Test helper: what a class logs through System.Logger (which goes to java.util.logging by default). */
final class LogCapture {

    private LogCapture() {
    }

    /** Runs {@code action} and returns what was logged to {@code type}'s logger meanwhile. */
    static List<LogRecord> logged(Class<?> type, Runnable action) {
        Logger logger = Logger.getLogger(type.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }
}
