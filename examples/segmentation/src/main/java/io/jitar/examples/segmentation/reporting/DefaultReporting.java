package io.jitar.examples.segmentation.reporting;

import io.jitar.errors.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

@ApplicationScoped
public class DefaultReporting implements Reporting {

    /**
     * In segment {@code data}: standalone this is the local bean; in a cluster where this worker
     * runs only segment {@code process}, it is a remote proxy calling through the gateway.
     */
    @Inject
    DataSource dataSource;

    @Override
    public Statistics createStatistics(List<Integer> data) {
        if (data == null || data.isEmpty()) {
            throw new BadRequestException("Parameter 'data' must contain at least one number");
        }
        long sum = 0;
        for (Integer value : data) {
            if (value == null) {
                throw new BadRequestException("Parameter 'data' must not contain null");
            }
            sum += value;
        }
        return new Statistics(sum, (double) sum / data.size());
    }

    @Override
    public String createReport() {
        // Remote in a cluster: getData lives in another segment.
        List<Integer> data = dataSource.getData();
        // Always local: createStatistics is in this segment (even in this very bean).
        Statistics statistics = createStatistics(data);
        return "Total: " + statistics.sum() + ", Average: " + plain(statistics.average());
    }

    /** 5.0 is written 5, 2.5 stays 2.5 (as a JavaScript number would print). */
    private static String plain(double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
