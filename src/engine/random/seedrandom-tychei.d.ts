// Types for the one seedrandom generator we import directly (@types/seedrandom only
// describes the package root, which would also load the other generators and arc4).
declare module 'seedrandom/lib/tychei.js' {
  interface TycheiState {
    a: number;
    b: number;
    c: number;
    d: number;
  }
  interface TycheiPrng {
    (): number;
    double(): number;
    int32(): number;
    quick(): number;
    state(): TycheiState;
  }
  function tychei(seed: string, options: { state: true }): TycheiPrng;
  function tychei(seed: string): Omit<TycheiPrng, 'state'>;
  export = tychei;
}
