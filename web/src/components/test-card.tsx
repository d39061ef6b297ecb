/**
 * Training against held-out data (Playground's "test loss"): the mean loss per point on the training set
 * and on the data's test set, and both errors. The data's train/test ratio is a control (Data group).
 */
import { Legend, LineChart } from "../plot/line-chart.js";
import { formatValue } from "../plot/scale.js";
import { Card, type ViewOptions } from "./card.js";
import { col, type RunView, testSeries } from "./run-view.js";

export function TestCard(props: { run: RunView; o: ViewOptions; xDomain?: [number, number] }) {
  const { run, o } = props;
  const s = testSeries(run);
  const last = run.extras[run.extras.length - 1];
  const nTest = run.info.test2d?.x.length ?? null;
  return (
    <Card
      id="test"
      title="Train and test"
      subtitle={`mean ${run.config.loss.kind} loss per point on the ${run.info.n} training points and ${nTest ?? "the"} test points`}
      o={o}
      logToggle
    >
      <Legend
        items={[
          { name: "training set", color: col(0) },
          { name: "test set", color: col(1) },
        ]}
      />
      <LineChart
        label="mean loss per point, training and test"
        testId="chart-test-loss"
        series={s.loss}
        xLabel="t = η · step"
        yLabel="loss per point"
        logX={o.logX}
        logY={o.logY.test}
        xDomain={props.xDomain}
      />
      <LineChart
        label="error, training and test"
        testId="chart-test-error"
        series={s.error}
        xLabel="t = η · step"
        yLabel="fraction misclassified"
        logX={o.logX}
        yDomain={[0, 1]}
        xDomain={props.xDomain}
        height={160}
      />
      <p class="note" data-testid="test-note">
        {last?.testMean !== undefined
          ? `Now: test loss ${formatValue(last.testMean, 3)} per point (train ${formatValue(last.trainMean ?? Number.NaN, 3)}), test error ${formatValue(last.testError ?? Number.NaN, 3)}.`
          : "Waiting for the first record."}
      </p>
    </Card>
  );
}
