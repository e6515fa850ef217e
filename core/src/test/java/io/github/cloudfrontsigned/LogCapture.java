package io.github.cloudfrontsigned;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Test helper: what a class logs through System.Logger (which goes to java.util.logging by default). Public in
 * core's test jar, for the tests of other modules.
 */
public final class LogCapture {

    private LogCapture() {}

    /**
     * Runs {@code action} and returns what was logged to {@code type}'s logger meanwhile.
     *
     * @param type the class whose name is the logger's
     * @param action what to run
     * @return the records, in order
     */
    public static List<LogRecord> logged(Class<?> type, Runnable action) {
        Logger logger = Logger.getLogger(type.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>(); // logged from server threads too
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return records;
    }

    /**
     * @param records log records
     * @return their messages with the parameters filled in, as a log handler would print them
     */
    public static List<String> messages(List<LogRecord> records) {
        return records.stream()
                .map(r -> r.getParameters() == null
                        ? r.getMessage()
                        : java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                .toList();
    }
}
