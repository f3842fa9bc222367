export { InvalidQuantityError } from './InvalidQuantityError';
export {
  isValidQuantity,
  parseCpuCores,
  parseMemoryBytes,
  parseQuantity,
  tryParseQuantity,
} from './parseQuantity';
export { formatBytes, formatCpu, formatDecimalSI } from './formatQuantity';
