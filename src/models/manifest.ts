/** The model manifest types live on the ground floor (src/domain); re-exported here for the models layer. */
export * from '../domain/model-manifest.js';
