/** Every workflow the worker registers. Other services start them by name through the Temporal client. */
export { fineTunePipeline } from './fine-tune-pipeline';
