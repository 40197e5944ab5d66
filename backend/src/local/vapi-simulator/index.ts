export { startVapiSimulator, type VapiSimulator, type VapiSimulatorOptions, type VapiDelivery, type VapiSimulatorStats } from './vapi-simulator.js';
