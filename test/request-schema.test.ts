import type { CreateTaskRequestInput } from '../src/request';

import example from '../examples/fine-tune-request.json';
import { InvalidRequestError, validateCreateTaskRequest } from '../src/request';
import { requestIssuesOf as issuesOf } from './support/request-issues';

/** The documented example as a fresh, freely editable object. */
function exampleRequest(): Record<string, unknown> {
  return structuredClone(example);
}

describe('the documented example', () => {
  const expectedText = JSON.stringify(example.RunningParameter);

  it('is accepted with RunningParameter as an object and sent as its JSON text', () => {
    const validated = validateCreateTaskRequest(exampleRequest());

    expect(validated.params).toEqual({
      DBClusterId: 'pc-2zedemo0000001',
      ModelSource: 'public',
      ModelName: 'Qwen3-8B',
      KubeType: 'aitrain',
      RunningParameter: expectedText,
      DatasetPath: 'pds-2zetrain000001',
      RegionId: 'cn-beijing',
    });
    expect(validated.runningParameter).toEqual({
      trainMode: 'grpo',
      trainType: 'lora',
      dataFiles: [{ name: 'test-00000-of-00001.jsonl', samples: 1000 }],
    });
  });

  it('is accepted with RunningParameter as a string, which is sent unchanged', () => {
    const text = JSON.stringify(example.RunningParameter, null, 2);

    const validated = validateCreateTaskRequest({ ...exampleRequest(), RunningParameter: text });

    expect(validated.params.RunningParameter).toBe(text);
    expect(validated.runningParameter.trainMode).toBe('grpo');
  });

  it('sends the parameters in spec order, all as strings', () => {
    const validated = validateCreateTaskRequest({
      ...exampleRequest(),
      TuneArch: 'x',
      TaskName: 'run-1_a',
      EvalDatasetPath: 'pds-2zeeval000001',
      ModelType: 'qwen3',
      ZoneId: 'cn-beijing-k',
      VPCId: 'vpc-1',
      VSwitchId: 'vsw-1',
      SecurityGroupId: 'sg-1',
      DBInstanceClass: 'polar.pg.g6.4xlarge.guh',
    });

    expect(Object.keys(validated.params)).toEqual([
      'DBClusterId',
      'ModelSource',
      'ModelName',
      'KubeType',
      'RunningParameter',
      'ModelType',
      'DatasetPath',
      'EvalDatasetPath',
      'TaskName',
      'DBInstanceClass',
      'ZoneId',
      'VPCId',
      'VSwitchId',
      'SecurityGroupId',
      'RegionId',
      'TuneArch',
    ]);
    expect(Object.values(validated.params).every((value) => typeof value === 'string')).toBe(true);
  });

  it('is writable as a typed CreateTaskRequestInput, where wrong types fail to compile', () => {
    const typed: CreateTaskRequestInput = {
      DBClusterId: 'pc-2zedemo0000001',
      ModelSource: 'public',
      ModelName: 'Qwen3-8B',
      KubeType: 'aitrain',
      DatasetPath: 'pds-2zetrain000001',
      RunningParameter: { train_mode: 'sft', num_epochs: 1, some_undocumented_key: [1] },
    };
    // @ts-expect-error num_epochs is a number, not a string
    const wrong: CreateTaskRequestInput = { ...typed, RunningParameter: { num_epochs: '2' } };

    expect(validateCreateTaskRequest(typed).runningParameter.trainMode).toBe('sft');
    expect(issuesOf(wrong)).toEqual([
      {
        path: 'RunningParameter.num_epochs',
        message: 'must be a positive integer (a JSON number, not a string), got the string "2"',
      },
    ]);
  });
});

describe('required parameters', () => {
  it.each(['DBClusterId', 'ModelSource', 'ModelName', 'KubeType', 'RunningParameter'])(
    'refuses a missing %s',
    (key) => {
      const request = exampleRequest();
      delete request[key];

      expect(issuesOf(request)).toEqual([{ path: key, message: 'is required' }]);
    },
  );

  it('refuses a request that is not an object', () => {
    expect(issuesOf(null)).toEqual([
      { path: '(request)', message: 'must be an object of CreateAIDBClusterTask parameters, got null' },
    ]);
    expect(issuesOf([])).toEqual([
      { path: '(request)', message: 'must be an object of CreateAIDBClusterTask parameters, got an array' },
    ]);
  });
});

describe('unknown parameters', () => {
  it('names a wrongly cased key and suggests the right one', () => {
    const request = exampleRequest();
    request.dbClusterId = request.DBClusterId;
    delete request.DBClusterId;

    expect(issuesOf(request)).toEqual([
      { path: 'DBClusterId', message: 'is required' },
      { path: 'dbClusterId', message: "is not a CreateAIDBClusterTask parameter; did you mean 'DBClusterId'?" },
    ]);
  });

  it('suggests the closest name for a misspelt optional key, which would otherwise be dropped', () => {
    expect(issuesOf({ ...exampleRequest(), TaksName: 'run-1', ZoneID: 'cn-beijing-k' })).toEqual([
      { path: 'TaksName', message: "is not a CreateAIDBClusterTask parameter; did you mean 'TaskName'?" },
      { path: 'ZoneID', message: "is not a CreateAIDBClusterTask parameter; did you mean 'ZoneId'?" },
    ]);
  });

  it('names an unknown key without a suggestion when nothing is close', () => {
    expect(issuesOf({ ...exampleRequest(), ClientToken: 'abc' })).toEqual([
      { path: 'ClientToken', message: 'is not a CreateAIDBClusterTask parameter' },
    ]);
  });
});

describe('parameter values', () => {
  it.each([
    [
      'DBClusterId',
      'pc-2ze88***',
      'must be a cluster id: \'pc-\' followed by lowercase letters and digits, got the string "pc-2ze88***"',
    ],
    [
      'DBClusterId',
      'pc-2ZE88',
      'must be a cluster id: \'pc-\' followed by lowercase letters and digits, got the string "pc-2ZE88"',
    ],
    [
      'DBClusterId',
      'pm-2ze88abc',
      'must be a cluster id: \'pc-\' followed by lowercase letters and digits, got the string "pm-2ze88abc"',
    ],
    [
      'DBClusterId',
      'pc-',
      'must be a cluster id: \'pc-\' followed by lowercase letters and digits, got the string "pc-"',
    ],
    [
      'DatasetPath',
      'pds-2zetrain***',
      'must be a dataset id: \'pds-\' followed by lowercase letters and digits, got the string "pds-2zetrain***"',
    ],
    [
      'DatasetPath',
      'pc-2zetrain',
      'must be a dataset id: \'pds-\' followed by lowercase letters and digits, got the string "pc-2zetrain"',
    ],
    [
      'EvalDatasetPath',
      ' pds-2zeeval',
      'must be a dataset id: \'pds-\' followed by lowercase letters and digits, got the string " pds-2zeeval"',
    ],
    ['ModelSource', 'Public', "must be 'public' or 'custom', got the string \"Public\""],
    ['KubeType', 'aiinfer', 'must be \'aitrain\' (the only documented model-service type), got the string "aiinfer"'],
    ['ModelName', '', 'must be a non-empty string, got the string ""'],
    ['ModelName', '  ', 'must be a non-empty string, got the string "  "'],
    ['RegionId', '', 'must be a non-empty string, got the string ""'],
    ['TaskName', 'run 1', "must be at most 64 ASCII letters, digits, '-' or '_', got the string \"run 1\""],
    ['TaskName', 'ruń', "must be at most 64 ASCII letters, digits, '-' or '_', got the string \"ruń\""],
    ['TaskName', '', "must be at most 64 ASCII letters, digits, '-' or '_', got the string \"\""],
  ])('refuses %s = %j', (key, value, message) => {
    expect(issuesOf({ ...exampleRequest(), [key]: value })).toEqual([{ path: key, message }]);
  });

  it('accepts a TaskName of exactly 64 characters and refuses 65', () => {
    expect(validateCreateTaskRequest({ ...exampleRequest(), TaskName: 'a'.repeat(64) }).params.TaskName).toHaveLength(
      64,
    );
    expect(issuesOf({ ...exampleRequest(), TaskName: 'a'.repeat(65) })).toEqual([
      {
        path: 'TaskName',
        message: `must be at most 64 ASCII letters, digits, '-' or '_', got the string "${'a'.repeat(60)}"… (65 characters)`,
      },
    ]);
  });

  it('bounds free-text parameters at 128 characters, so the whole query fits in a URL', () => {
    const long = 'é'.repeat(128);
    expect(validateCreateTaskRequest({ ...exampleRequest(), ZoneId: long }).params.ZoneId).toBe(long);
    expect(issuesOf({ ...exampleRequest(), ModelName: 'x'.repeat(129) })).toEqual([
      {
        path: 'ModelName',
        message: `must be a string of at most 128 characters, got the string "${'x'.repeat(60)}"… (129 characters)`,
      },
    ]);
  });

  it('converts no value: numbers and booleans are not strings', () => {
    expect(issuesOf({ ...exampleRequest(), ZoneId: 7, ModelName: true, TuneArch: null })).toEqual([
      { path: 'ModelName', message: 'must be a non-empty string, got the boolean true' },
      { path: 'ZoneId', message: 'must be a non-empty string, got the number 7' },
      { path: 'TuneArch', message: 'must be a non-empty string, got null' },
    ]);
  });
});

describe('InvalidRequestError', () => {
  it('lists every issue in its message, one per line as path: reason', () => {
    let thrown: unknown;
    try {
      validateCreateTaskRequest({ ...exampleRequest(), DBClusterId: 'pc-***', Foo: 1 });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(InvalidRequestError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as InvalidRequestError).name).toBe('InvalidRequestError');
    expect((thrown as InvalidRequestError).message).toBe(
      [
        'DBClusterId: must be a cluster id: \'pc-\' followed by lowercase letters and digits, got the string "pc-***"',
        'Foo: is not a CreateAIDBClusterTask parameter',
      ].join('\n'),
    );
  });
});
