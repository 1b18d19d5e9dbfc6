import { scanJsonObjectText } from '../src/request/json-object-scan';

describe('scanJsonObjectText', () => {
  it('finds nothing in an object without repeats, and keeps each member value as written', () => {
    const scan = scanJsonObjectText(' { "a" : 1.0 , "b":[1, {"c": 2}],"d": { "e": "}" }, "f": "x,y", "g": 1e400 } ');

    expect(scan.duplicateKeys).toEqual([]);
    expect([...scan.memberTexts]).toEqual([
      ['a', '1.0'],
      ['b', '[1, {"c": 2}]'],
      ['d', '{ "e": "}" }'],
      ['f', '"x,y"'],
      ['g', '1e400'],
    ]);
  });

  it('handles an empty object', () => {
    expect(scanJsonObjectText('{}')).toEqual({ duplicateKeys: [], memberTexts: new Map() });
  });

  it('reports a repeated key once per extra occurrence; the member text is the last one, as JSON.parse keeps', () => {
    const scan = scanJsonObjectText('{"a": 1, "b": 2, "a": 3, "a": 4}');

    expect(scan.duplicateKeys).toEqual([['a'], ['a']]);
    expect(scan.memberTexts.get('a')).toBe('4');
  });

  it('decodes escapes before comparing keys', () => {
    expect(scanJsonObjectText('{"ab": 1, "\\u0061b": 2}').duplicateKeys).toEqual([['ab']]);
    expect(scanJsonObjectText('{"a\\"": 1, "a\\u0022": 2}').duplicateKeys).toEqual([['a"']]);
  });

  it('does not mistake quotes, braces, colons or commas inside strings for structure', () => {
    const text = '{"a": "\\"b\\": 1, \\"b\\": 2", "c\\\\": "{\\\\", "d": "x:y"}';

    const scan = scanJsonObjectText(text);

    expect(JSON.parse(text)).toEqual({ a: '"b": 1, "b": 2', 'c\\': '{\\', d: 'x:y' });
    expect(scan.duplicateKeys).toEqual([]);
    expect([...scan.memberTexts.keys()]).toEqual(['a', 'c\\', 'd']);
  });

  it('gives the path of a repeat inside nested objects and arrays', () => {
    const text = '{"x": {"y": [0, {"z": 1, "z": 2}]}, "w": [[{"v": 1, "v": 1}]]}';

    expect(scanJsonObjectText(text).duplicateKeys).toEqual([
      ['x', 'y', 1, 'z'],
      ['w', 0, 0, 'v'],
    ]);
  });

  it('does not count the same key in sibling objects, or a nested key equal to an outer one, as a repeat', () => {
    const text = '{"a": {"a": 1}, "list": [{"k": 1}, {"k": 2}], "b": {"k": 1}}';

    expect(scanJsonObjectText(text).duplicateKeys).toEqual([]);
  });
});
