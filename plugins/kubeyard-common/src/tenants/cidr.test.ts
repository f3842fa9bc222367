import { parseCidr, parseIp, parseIpOrCidr, rangeContains, rangesOverlap } from './cidr';

describe('parseIp', () => {
  it.each<[string, 4 | 6, bigint]>([
    ['0.0.0.0', 4, 0n],
    ['10.1.2.3', 4, 0x0a010203n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['fd00::1:2', 6, (0xfd00n << 112n) | (1n << 16n) | 2n],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
    ['::ffff:10.0.0.1', 6, (0xffffn << 32n) | 0x0a000001n],
  ])('%s', (text, version, value) => {
    expect(parseIp(text)).toEqual({ version, first: value, last: value });
  });

  it.each(['', '10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', '1::2::3', '1:2:3:4:5:6:7:8:9', 'g::1', '1:2:3:4:5:6:7'])(
    'rejects %j',
    text => expect(parseIp(text)).toBeUndefined(),
  );
});

describe('parseCidr', () => {
  it('computes ranges and canonical form', () => {
    expect(parseCidr('10.244.0.0/16')).toMatchObject({ first: 0x0af40000n, last: 0x0af4ffffn, prefix: 16, canonical: true });
    expect(parseCidr('10.244.1.0/16')).toMatchObject({ first: 0x0af40000n, canonical: false });
    expect(parseCidr('0.0.0.0/0')).toMatchObject({ first: 0n, last: 0xffffffffn });
    expect(parseCidr('fd00::/8')).toMatchObject({ version: 6, prefix: 8, canonical: true });
  });

  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/08', '::/129', 'x/8'])('rejects %j', text => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('ranges', () => {
  const net = parseCidr('10.0.0.0/8')!;
  it('contain and overlap', () => {
    expect(rangeContains(net, parseIp('10.1.2.3')!)).toBe(true);
    expect(rangeContains(net, parseIp('11.0.0.0')!)).toBe(false);
    expect(rangeContains(net, parseIpOrCidr('10.2.0.0/16')!)).toBe(true);
    expect(rangeContains(parseIpOrCidr('10.2.0.0/16')!, net)).toBe(false);
    expect(rangesOverlap(parseIpOrCidr('10.2.0.0/16')!, net)).toBe(true);
    expect(rangesOverlap(parseIpOrCidr('::/0')!, net)).toBe(false);
  });
});
