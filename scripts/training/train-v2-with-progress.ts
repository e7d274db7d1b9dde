import cliProgress from "cli-progress";
import { FrameHashTokenizer } from "@/server/inference/tokenizers/frame-tokenizer";
import { OUTPUT_DIM, V2_LAYOUT, V2_MAX_TOKENS, V2_VOCAB } from "@/server/training/artifacts";
import type { PairSet } from "@/server/training/dataset";
import type { V2Params } from "@/server/training/model";
import { DEFAULT_TRAINER_OPTIONS, trainV2, type TrainerOptions } from "@/server/training/trainer";

/**
 * Trains v2 (the committed tokenizer and output size) on the set, showing a progress bar with the smoothed loss.
 * Options not given take the trainer's defaults. Returns the parameters and the training time in seconds (one decimal).
 */
export function trainV2WithProgress(
  set: PairSet,
  size: { bagDim: number; hidden: number },
  options: Partial<Omit<TrainerOptions, "onStep">> & Pick<TrainerOptions, "seed">,
): { params: V2Params; seconds: string } {
  const bar = new cliProgress.SingleBar(
    { format: "training v2 [{bar}] {percentage}% | step {value}/{total} | loss {loss} | {duration}s" },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  const tokenizer = new FrameHashTokenizer({ vocabSize: V2_VOCAB, maxTokens: V2_MAX_TOKENS, layout: V2_LAYOUT });
  let smoothed = 0;
  const params = trainV2(
    set,
    tokenizer,
    { vocabSize: V2_VOCAB, ...size, outputDim: OUTPUT_DIM },
    {
      ...DEFAULT_TRAINER_OPTIONS,
      ...options,
      onStep: (step, total, loss) => {
        if (step === 1) bar.start(total, 0, { loss: "-" });
        smoothed = step === 1 ? loss : 0.98 * smoothed + 0.02 * loss;
        bar.update(step, { loss: smoothed.toFixed(4) });
      },
    },
  );
  bar.stop();
  return { params, seconds: ((performance.now() - started) / 1000).toFixed(1) };
}
