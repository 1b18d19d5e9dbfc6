import example from '../examples/fine-tune-request.json';
import { validateCreateTaskRequest } from '../src/request';
import { requestIssuesOf as issuesOf } from './support/request-issues';

/** The documented example's RunningParameter, freely editable; it satisfies every cross-field rule. */
function exampleRunningParameter(): Record<string, unknown> {
  return structuredClone(example.RunningParameter);
}

function requestWith(runningParameter: unknown): Record<string, unknown> {
  return { ...structuredClone(example), RunningParameter: runningParameter };
}

const positiveInteger = 'must be a positive integer (a JSON number, not a string)';
const learningRate = 'must be a string holding a positive decimal number, such as "1e-6"';
const rewardNames = 'must be a string of comma-separated reward function names without spaces';

describe('the text sent for RunningParameter', () => {
  it('is the caller string byte for byte: number spelling, big integers, spacing and escapes survive', () => {
    const text =
      '{ "train_mode":"grpo" ,"train_type": "lora", "learning_rate" : "1e-6",\n\t"seed": 12345678901234567890123,' +
      ' "warmup": 1E-3, "note": "caf\\u00e9", "num_epochs": 1, "batch_size": 2, "lora_rank": 8 }';

    expect(validateCreateTaskRequest(requestWith(text)).params.RunningParameter).toBe(text);
  });

  it('is JSON.stringify of a caller object, with undocumented nested values passed through', () => {
    const runningParameter = { ...exampleRunningParameter(), extra: { list: [1, 'two', null], flag: false } };

    expect(validateCreateTaskRequest(requestWith(runningParameter)).params.RunningParameter).toBe(
      JSON.stringify(runningParameter),
    );
  });

  it('drops keys whose value is undefined, as JSON.stringify does, and checks what remains', () => {
    const validated = validateCreateTaskRequest(requestWith({ ...exampleRunningParameter(), lora_rank: undefined }));

    expect(JSON.parse(validated.params.RunningParameter ?? '')).not.toHaveProperty('lora_rank');
  });
});

describe('integers beyond 2^53', () => {
  it('are refused in an object, where JavaScript has already rounded them, with a pointer to the string form', () => {
    const runningParameter = {
      ...exampleRunningParameter(),
      seed: JSON.parse('123456789012345678901') as number,
      extra: { ids: [1, 2 ** 60] },
    };

    expect(issuesOf(requestWith(runningParameter))).toEqual([
      {
        path: 'RunningParameter.seed',
        message:
          'is an integer beyond 2^53, which a JavaScript object cannot hold exactly (it already reads ' +
          '123456789012345680000); pass RunningParameter as a JSON string to send it digit for digit',
      },
      {
        path: 'RunningParameter.extra.ids[1]',
        message: expect.stringMatching(/^is an integer beyond 2\^53/),
      },
    ]);
  });

  it('are accepted in a string and sent digit for digit', () => {
    const text = JSON.stringify(exampleRunningParameter()).replace('{', '{"seed":123456789012345678901,');

    expect(validateCreateTaskRequest(requestWith(text)).params.RunningParameter).toContain('123456789012345678901');
  });

  it('leave 2^53 - 1 alone in an object', () => {
    const runningParameter = { ...exampleRunningParameter(), seed: Number.MAX_SAFE_INTEGER };

    expect(validateCreateTaskRequest(requestWith(runningParameter)).params.RunningParameter).toContain(
      String(Number.MAX_SAFE_INTEGER),
    );
  });
});

describe('RunningParameter that is not a JSON object', () => {
  it.each([
    ['an array string', '[1, 2]', 'must hold a JSON object, got an array'],
    ['a number string', '5', 'must hold a JSON object, got the number 5'],
    ['a JSON null', 'null', 'must hold a JSON object, got null'],
    ['a JSON string', '"{}"', 'must hold a JSON object, got the string "{}"'],
    ['an array', [{}], 'must be a JSON object or a string holding one, got an array'],
    ['a number', 5, 'must be a JSON object or a string holding one, got the number 5'],
    ['a boolean', true, 'must be a JSON object or a string holding one, got the boolean true'],
    ['null', null, 'must be a JSON object or a string holding one, got null'],
    ['a Date', new Date(0), 'must be a JSON object or a string holding one, got an instance of Date'],
  ])('refuses %s', (_, runningParameter, message) => {
    expect(issuesOf(requestWith(runningParameter))).toEqual([{ path: 'RunningParameter', message }]);
  });

  it.each([
    ['truncated JSON', '{"train_mode": "sft"'],
    ['an empty string', ''],
    ['single quotes', "{'train_mode': 'sft'}"],
    ['a trailing comma', '{"train_mode": "sft",}'],
  ])('refuses %s, naming RunningParameter and the parser reason', (_, text) => {
    const issues = issuesOf(requestWith(text));

    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('RunningParameter');
    expect(issues[0]?.message).toMatch(/^is not valid JSON \(.+\)$/);
  });

  it('refuses an object that JSON cannot represent, with the reason', () => {
    const cyclic: Record<string, unknown> = { train_mode: 'sft' };
    cyclic.self = cyclic;

    expect(issuesOf(requestWith({ seed: BigInt(1) }))).toEqual([
      { path: 'RunningParameter', message: 'cannot be written as JSON (Do not know how to serialize a BigInt)' },
    ]);
    expect(issuesOf(requestWith(cyclic))[0]?.message).toMatch(/^cannot be written as JSON \(Converting circular/);
  });
});

describe('documented RunningParameter keys', () => {
  it.each([
    ['num_epochs', '2', `${positiveInteger}, got the string "2"`],
    ['num_epochs', 0, `${positiveInteger}, got the number 0`],
    ['num_epochs', 2 ** 53, `${positiveInteger}, got the number 9007199254740992`],
    ['batch_size', '', `${positiveInteger}, got the string ""`],
    ['batch_size', -1, `${positiveInteger}, got the number -1`],
    ['eval_batch_size', true, `${positiveInteger}, got the boolean true`],
    ['num_generations', 1.5, `${positiveInteger}, got the number 1.5`],
    ['lora_rank', null, `${positiveInteger}, got null`],
    ['lora_alpha', 'false', `${positiveInteger}, got the string "false"`],
    ['train_mode', 'SFT', "must be 'sft' or 'grpo', got the string \"SFT\""],
    ['train_mode', true, "must be 'sft' or 'grpo', got the boolean true"],
    ['train_type', 'qlora', "must be 'lora' or 'full', got the string \"qlora\""],
    ['learning_rate', 1e-6, `${learningRate}, got the number 0.000001`],
    ['learning_rate', '0', `${learningRate}, got the string "0"`],
    ['learning_rate', '-1e-6', `${learningRate}, got the string "-1e-6"`],
    ['learning_rate', '1e-6 ', `${learningRate}, got the string "1e-6 "`],
    ['learning_rate', '1e999', `${learningRate}, got the string "1e999"`],
    ['learning_rate', 'abc', `${learningRate}, got the string "abc"`],
    ['learning_rate', '', `${learningRate}, got the string ""`],
    ['split_dataset_ratio', 1, 'must be a number with 0 <= x < 1, got the number 1'],
    ['split_dataset_ratio', -0.1, 'must be a number with 0 <= x < 1, got the number -0.1'],
    ['split_dataset_ratio', '0.1', 'must be a number with 0 <= x < 1, got the string "0.1"'],
    ['gpu_memory_utilization', 0, 'must be a number with 0 < x <= 1, got the number 0'],
    ['gpu_memory_utilization', 1.5, 'must be a number with 0 < x <= 1, got the number 1.5'],
    ['gpu_memory_utilization', false, 'must be a number with 0 < x <= 1, got the boolean false'],
    ['external_plugins', '', 'must be a non-empty string, got the string ""'],
    ['external_plugins', ['/a.py'], 'must be a non-empty string, got an array'],
    ['reward_funcs', 'format, external_countdown', `${rewardNames}, got the string "format, external_countdown"`],
    ['reward_funcs', 'format,,external_countdown', `${rewardNames}, got the string "format,,external_countdown"`],
    ['reward_funcs', '', `${rewardNames}, got the string ""`],
    [
      'data_file_list',
      7,
      "must be a string of comma-separated file names, each optionally suffixed '#N', got the number 7",
    ],
  ])('refuses %s = %j', (key, value, message) => {
    expect(issuesOf(requestWith({ ...exampleRunningParameter(), [key]: value }))).toEqual([
      { path: `RunningParameter.${key}`, message },
    ]);
  });

  it('reports every bad key at once, in a RunningParameter string as in an object', () => {
    const text = JSON.stringify({ ...exampleRunningParameter(), num_epochs: '2', gpu_memory_utilization: 0 });

    expect(issuesOf(requestWith(text))).toEqual([
      { path: 'RunningParameter.num_epochs', message: `${positiveInteger}, got the string "2"` },
      {
        path: 'RunningParameter.gpu_memory_utilization',
        message: 'must be a number with 0 < x <= 1, got the number 0',
      },
    ]);
  });

  it.each([
    ['split_dataset_ratio', 0],
    ['gpu_memory_utilization', 1],
    ['learning_rate', '2E-5'],
    ['learning_rate', '0.0001'],
    ['num_epochs', 2 ** 53 - 1],
  ])('accepts the edge value %s = %j', (key, value) => {
    expect(() => validateCreateTaskRequest(requestWith({ ...exampleRunningParameter(), [key]: value }))).not.toThrow();
  });

  it.each([
    ['num_epochs', '12345678901234567890', positiveInteger],
    ['batch_size', '-0', positiveInteger],
    ['gpu_memory_utilization', '1.50', 'must be a number with 0 < x <= 1'],
    ['split_dataset_ratio', '1E0', 'must be a number with 0 <= x < 1'],
  ])('quotes %s = %s from a RunningParameter string as written, not as parsed', (key, literal, reason) => {
    const text = JSON.stringify({ ...exampleRunningParameter(), [key]: 0.5 }).replace(
      `"${key}":0.5`,
      `"${key}": ${literal}`,
    );

    expect(issuesOf(requestWith(text))).toEqual([
      { path: `RunningParameter.${key}`, message: `${reason}, got the number ${literal}` },
    ]);
  });

  it.each(['1.0', '1e0', '10E-1'])('refuses a count written %s in a RunningParameter string', (literal) => {
    const text = JSON.stringify(exampleRunningParameter()).replace('"num_epochs":1', `"num_epochs": ${literal}`);

    expect(issuesOf(requestWith(text))).toEqual([
      {
        path: 'RunningParameter.num_epochs',
        message: `must be written as a plain integer such as 1, got ${literal}`,
      },
    ]);
  });
});

describe('data_file_list', () => {
  const entryReason = (index: number, entry: string) =>
    `entry ${index} (${JSON.stringify(entry)}) is not a file name optionally followed by '#N' with N a positive integer`;

  it('is summarised as file names with optional sample counts', () => {
    const runningParameter = { ...exampleRunningParameter(), data_file_list: 'a.jsonl,dir/b c.jsonl#5' };

    expect(validateCreateTaskRequest(requestWith(runningParameter)).runningParameter.dataFiles).toEqual([
      { name: 'a.jsonl' },
      { name: 'dir/b c.jsonl', samples: 5 },
    ]);
  });

  it('is summarised as no files when absent', () => {
    const runningParameter = exampleRunningParameter();
    delete runningParameter.data_file_list;

    expect(validateCreateTaskRequest(requestWith(runningParameter)).runningParameter.dataFiles).toEqual([]);
  });

  it.each([
    ['', entryReason(1, '')],
    ['a.jsonl,', entryReason(2, '')],
    ['a.jsonl, b.jsonl', entryReason(2, ' b.jsonl')],
    ['a.jsonl#0', entryReason(1, 'a.jsonl#0')],
    ['a.jsonl#01', entryReason(1, 'a.jsonl#01')],
    ['a.jsonl#x', entryReason(1, 'a.jsonl#x')],
    ['a.jsonl#', entryReason(1, 'a.jsonl#')],
    ['#5', entryReason(1, '#5')],
    ['a.jsonl#1#2', entryReason(1, 'a.jsonl#1#2')],
    ['a.jsonl#99999999999999999999', entryReason(1, 'a.jsonl#99999999999999999999')],
    ['a.jsonl,b.jsonl,a.jsonl#3', 'names the file "a.jsonl" twice'],
  ])('refuses %j', (dataFileList, message) => {
    expect(issuesOf(requestWith({ ...exampleRunningParameter(), data_file_list: dataFileList }))).toEqual([
      { path: 'RunningParameter.data_file_list', message },
    ]);
  });
});

describe('duplicate keys in a RunningParameter string', () => {
  const duplicate = 'appears more than once; JSON.parse would keep only the last value';

  it('refuses a repeated top-level key, even with equal values', () => {
    const text = JSON.stringify(exampleRunningParameter()).replace('{', '{"num_epochs": 1, ');

    expect(issuesOf(requestWith(text))).toEqual([{ path: 'RunningParameter.num_epochs', message: duplicate }]);
  });

  it('refuses keys that are equal once escapes are decoded, and repeats in nested objects, with their paths', () => {
    const text = JSON.stringify(exampleRunningParameter()).replace(
      '{',
      '{"extra": [{"a": 1}, {"b": 1, "\\u0062": 2}], "x": 1, "\\u0078": 2, ',
    );

    expect(issuesOf(requestWith(text))).toEqual([
      { path: 'RunningParameter.extra[1].b', message: duplicate },
      { path: 'RunningParameter.x', message: duplicate },
    ]);
  });
});

describe('keys that are a documented key spelt another way', () => {
  const respelt = (meant: string) =>
    `is not a documented key and the trainer would likely ignore it; did you mean '${meant}'?`;
  const misspelt = { Learning_Rate: '1e-5', learningRate: '1e-5', NUM_EPOCHS: 3, 'lora-rank': 4 };
  const expected = [
    { path: 'RunningParameter.Learning_Rate', message: respelt('learning_rate') },
    { path: 'RunningParameter.learningRate', message: respelt('learning_rate') },
    { path: 'RunningParameter.NUM_EPOCHS', message: respelt('num_epochs') },
    { path: 'RunningParameter.lora-rank', message: respelt('lora_rank') },
  ];

  it('are refused in an object, each with its path and the documented key', () => {
    expect(issuesOf(requestWith({ ...exampleRunningParameter(), ...misspelt }))).toEqual(expected);
  });

  it('are refused in a RunningParameter string', () => {
    expect(issuesOf(requestWith(JSON.stringify({ ...exampleRunningParameter(), ...misspelt })))).toEqual(expected);
  });

  it('are refused even when the documented key is given too', () => {
    const runningParameter = { ...exampleRunningParameter(), Num_Epochs: 2 };

    expect(issuesOf(requestWith(runningParameter))).toEqual([
      { path: 'RunningParameter.Num_Epochs', message: respelt('num_epochs') },
    ]);
  });

  it('leave other undocumented keys, even close ones, passing through unchanged', () => {
    const undocumented = { num_epoch: 2, learning_rate_scale: 'x', lr: 1, Seed: 42, nested: { Learning_Rate: 1 } };
    const runningParameter = { ...exampleRunningParameter(), ...undocumented };

    expect(validateCreateTaskRequest(requestWith(runningParameter)).params.RunningParameter).toBe(
      JSON.stringify(runningParameter),
    );
  });
});
