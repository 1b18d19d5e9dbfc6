/**
 * Published demo identities. They are documented on purpose (README, CLI banner) so that a developer can point
 * the worker at a fresh emulator without configuring anything; they grant nothing outside the emulator.
 */

/** AccessKey id accepted by an emulator started without `accessKeys`. */
export const DEMO_ACCESS_KEY_ID = 'LTAI5tEmulatorDemoKey01';

/** Secret of {@link DEMO_ACCESS_KEY_ID}; the only secret the emulator ever prints. */
export const DEMO_ACCESS_KEY_SECRET = 'EmulatorDemoSecret0123456789abcd';

/** Parent PolarDB cluster present in every freshly seeded state. */
export const DEMO_CLUSTER_ID = 'pc-2zedemo0000001';

/** Training dataset for GRPO runs; holds the file used by the documented RunningParameter example. */
export const DEMO_TRAIN_DATASET_ID = 'pds-2zetrain000001';

/** Training dataset for supervised fine-tuning. */
export const DEMO_SFT_DATASET_ID = 'pds-2zesft00000001';

/** Evaluation dataset (TrainMode `text`), for `EvalDatasetPath`. */
export const DEMO_EVAL_DATASET_ID = 'pds-2zeeval0000001';
