/**
 * Spec §11.4 test vectors shared by the signature tests: the common inputs, and vector C (V2 HMAC-SHA1,
 * the parameters of vector B without a token, signing parameters in the query).
 */
export const keyId = 'LTAI5tEmulatorTestKey01';
export const secret = 'EmulatorTestSecret0123456789abcd';
export const date = '2026-01-15T08:00:00Z';
export const nonce = '3c5e8a1f0b2d4e6f8a9b0c1d2e3f4a5b';

export const vectorC = {
  params: new Map([
    ['RegionId', 'cn-beijing'],
    ['RelativeDBClusterId', 'pc-2ze88abc'],
    ['KubeType', 'aitrain'],
    ['Action', 'DescribeAIDBClusterTasks'],
    ['Format', 'json'],
    ['Version', '2017-08-01'],
    ['Timestamp', date],
    ['SignatureNonce', nonce],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['AccessKeyId', keyId],
  ]),
  stringToSign:
    'POST&%2F&AccessKeyId%3DLTAI5tEmulatorTestKey01%26Action%3DDescribeAIDBClusterTasks%26Format%3Djson%26KubeType%3Daitrain%26RegionId%3Dcn-beijing%26RelativeDBClusterId%3Dpc-2ze88abc%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3c5e8a1f0b2d4e6f8a9b0c1d2e3f4a5b%26SignatureVersion%3D1.0%26Timestamp%3D2026-01-15T08%253A00%253A00Z%26Version%3D2017-08-01',
  signature: '7ZHqDwrbGsceU/Pmwnd4yT3iADk=',
};
