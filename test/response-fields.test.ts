import { PolarDbApiError } from '../src/polardb/errors';
import { numberField, optionalTextField, textField } from '../src/polardb/response-fields';

describe('reading fields out of API answers', () => {
  it('refuses an oversized field with a non-retryable ResponseTooLarge naming it', () => {
    const read = () => textField('DescribeAIDBClusterTaskAttribute', 'ModelPath', 'x'.repeat(5_000));

    expect(read).toThrow(PolarDbApiError);
    expect(read).toThrow('DescribeAIDBClusterTaskAttribute answered ModelPath of 5000 characters');
    try {
      read();
    } catch (error) {
      expect((error as PolarDbApiError).verdict).toEqual({
        kind: 'ResponseTooLarge',
        retryable: false,
        ambiguous: false,
      });
    }
  });

  it('reads strings, stringifies numbers and booleans, and ignores objects', () => {
    expect(textField('A', 'F', 'pm-1')).toBe('pm-1');
    expect(textField('A', 'F', 18)).toBe('18');
    expect(textField('A', 'F', { nested: true })).toBe('');
    expect(optionalTextField('A', 'F', '')).toBeUndefined();
  });

  it('reads numbers from JSON numbers and numeric strings only', () => {
    expect(numberField('0.23')).toBe(0.23);
    expect(numberField(21)).toBe(21);
    expect(numberField('')).toBeUndefined();
    expect(numberField('abc')).toBeUndefined();
  });
});
