require_relative "lib/mygem/version"

Gem::Specification.new do |spec|
  spec.name = "mygem"
  spec.version = MyGem::VERSION
  spec.licenses = ["MIT"]
end
