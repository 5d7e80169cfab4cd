/** The MNIST files as the site ships them (see src/pwa/mnist-files-plugin.ts). */
declare module 'virtual:mnist-files' {
  /** `bytes`: what travels (gzipped in a build, raw under the dev server); `rawBytes`: the IDX file. */
  interface MnistFile {
    url: string;
    bytes: number;
    rawBytes: number;
  }
  const files: { trainImages: MnistFile; trainLabels: MnistFile; testImages: MnistFile; testLabels: MnistFile };
  export default files;
}
